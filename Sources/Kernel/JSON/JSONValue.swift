// A JSON document as a Swift value, parsed and printed with json-c (the design card's JSON library).
// Used for manifests, experiment files, safetensors headers, HF config/tokenizer files and the plugin bridge.
import CJSON
import Foundation

public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])  // key order kept as written

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.int(x), .double(y)), let (.double(y), .int(x)): return Double(x) == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// A JSON text that json-c refused, with the line and column where it gave up.
public struct JSONParseError: Error, CustomStringConvertible {
    public let source: String
    public let line: Int
    public let column: Int
    public let reason: String
    public var description: String { "\(source):\(line):\(column): invalid JSON: \(reason)" }
}

extension JSONValue {
    /// Parses one JSON document. `source` names the file (or entry) in error messages.
    public static func parse(_ text: String, source: String = "<json>") throws -> JSONValue {
        var bytes = Array(text.utf8)
        return try parse(bytes: &bytes, source: source)
    }

    public static func parse(bytes: inout [UInt8], source: String = "<json>") throws -> JSONValue {
        guard let tok = json_tokener_new() else { throw JSONParseError(source: source, line: 0, column: 0, reason: "out of memory") }
        defer { json_tokener_free(tok) }
        json_tokener_set_flags(tok, Int32(JSON_TOKENER_STRICT))
        let count = bytes.count
        let obj: OpaquePointer? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(count, 1)) { json_tokener_parse_ex(tok, $0, Int32(count)) }
        }
        var err = json_tokener_get_error(tok)
        if obj == nil && err == json_tokener_continue {
            err = json_tokener_error_parse_eof
        }
        let consumed = Int(json_tokener_get_parse_end(tok))
        if err != json_tokener_success || obj == nil {
            let reason = String(cString: json_tokener_error_desc(err))
            let (line, column) = position(bytes, offset: min(consumed, bytes.count))
            if obj != nil { json_object_put(obj) }
            throw JSONParseError(source: source, line: line, column: column, reason: reason)
        }
        defer { json_object_put(obj) }
        // Anything but whitespace after the document is an error (json-c stops at the first value).
        if let extra = bytes[consumed...].firstIndex(where: { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }) {
            let (line, column) = position(bytes, offset: extra)
            throw JSONParseError(source: source, line: line, column: column, reason: "unexpected text after the JSON value")
        }
        return convert(obj)
    }

    public static func parse(contentsOf url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        var bytes = [UInt8](data)
        return try parse(bytes: &bytes, source: url.path)
    }

    private static func position(_ bytes: [UInt8], offset: Int) -> (Int, Int) {
        var line = 1, col = 1
        for b in bytes[..<offset] { if b == 10 { line += 1; col = 1 } else { col += 1 } }
        return (line, col)
    }

    static func convert(_ obj: OpaquePointer?) -> JSONValue {
        guard let obj else { return .null }
        switch json_object_get_type(obj) {
        case json_type_null: return .null
        case json_type_boolean: return .bool(json_object_get_boolean(obj) != 0)
        case json_type_int: return .int(Int(json_object_get_int64(obj)))
        case json_type_double: return .double(json_object_get_double(obj))
        case json_type_string:
            let len = Int(json_object_get_string_len(obj))
            let p = json_object_get_string(obj)!
            return .string(p.withMemoryRebound(to: UInt8.self, capacity: len) {
                String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
            })
        case json_type_array:
            let n = json_object_array_length(obj)
            var out: [JSONValue] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(convert(json_object_array_get_idx(obj, i))) }
            return .array(out)
        case json_type_object:
            var out: [(String, JSONValue)] = []
            var it = json_object_iter_begin(obj)
            var end = json_object_iter_end(obj)
            while json_object_iter_equal(&it, &end) == 0 {
                let key = String(cString: json_object_iter_peek_name(&it))
                out.append((key, convert(json_object_iter_peek_value(&it))))
                json_object_iter_next(&it)
            }
            return .object(out)
        default: return .null
        }
    }
}

extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        if case let .object(pairs) = self { return pairs.first(where: { $0.0 == key })?.1 }
        return nil
    }
    public var stringValue: String? { if case let .string(s) = self { return s }; return nil }
    public var intValue: Int? {
        switch self {
        case let .int(i): return i
        case let .double(d) where d.rounded() == d && abs(d) < 9e15: return Int(d)
        default: return nil
        }
    }
    public var doubleValue: Double? {
        switch self { case let .int(i): return Double(i); case let .double(d): return d; default: return nil }
    }
    public var boolValue: Bool? { if case let .bool(b) = self { return b }; return nil }
    public var arrayValue: [JSONValue]? { if case let .array(a) = self { return a }; return nil }
    public var objectValue: [(String, JSONValue)]? { if case let .object(o) = self { return o }; return nil }
    public var typeName: String {
        switch self {
        case .null: return "null"; case .bool: return "boolean"; case .int: return "integer"
        case .double: return "number"; case .string: return "string"; case .array: return "array"
        case .object: return "object"
        }
    }
}

extension JSONValue {
    /// Compact (or pretty, two-space) JSON text. Keys keep their order; doubles print shortest round-trip.
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        let nl = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .int(i): out += String(i)
        case let .double(d):
            if d.isFinite { out += (d.rounded() == d && abs(d) < 1e15) ? String(format: "%.1f", d) : "\(d)" } else { out += "null" }
        case let .string(s): JSONValue.escape(s, into: &out)
        case let .array(a):
            if a.isEmpty { out += "[]"; return }
            out += "[" + nl
            for (i, v) in a.enumerated() {
                out += pad
                v.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < a.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "]"
        case let .object(o):
            if o.isEmpty { out += "{}"; return }
            out += "{" + nl
            for (i, (k, v)) in o.enumerated() {
                out += pad
                JSONValue.escape(k, into: &out)
                out += pretty ? ": " : ":"
                v.write(into: &out, pretty: pretty, indent: indent + 1)
                if i < o.count - 1 { out += "," }
                out += nl
            }
            out += closePad + "}"
        }
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        out += "\""
    }
}
