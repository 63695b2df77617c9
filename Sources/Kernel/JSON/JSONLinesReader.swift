// Streaming JSON-lines ingest through json-c: one object per line, read in chunks by `LineReader`, parsed by a
// single reused json-c tokener, fields read straight from the json-c object (no whole-document conversion),
// so multi-GB review dumps stream at parser speed. Bad lines go through a `BadLineLedger` (error with
// file:line, or skip and count).
import CJSON
import Foundation

public final class JSONLinesReader {
    public let path: String
    private let lines: LineReader

    public init(path: String) throws {
        self.path = path
        lines = try LineReader(path: path)
    }

    /// Calls `body(object, lineNumber)` for every line holding a JSON object. Blank lines are ignored; lines
    /// that are not one complete JSON object, and lines for which `body` returns a reason (e.g. a missing
    /// field), are reported to `ledger` (thrown as file:line errors, or skipped and counted).
    public func forEachObject(ledger: inout BadLineLedger,
                              _ body: (JSONObjectRef, Int) throws -> String?) throws {
        guard let tok = json_tokener_new() else { throw DatasetError.cannotOpen(file: path, reason: "out of memory") }
        defer { json_tokener_free(tok) }
        json_tokener_set_flags(tok, Int32(JSON_TOKENER_STRICT))
        let file = path
        try lines.forEachLine { bytes, number in
            guard bytes.contains(where: { !JSONLinesReader.isSpace($0) }) else { return }
            json_tokener_reset(tok)
            let obj: OpaquePointer? = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                json_tokener_parse_ex(tok, $0, Int32(bytes.count))
            }
            var err = json_tokener_get_error(tok)
            if obj == nil && err == json_tokener_continue { err = json_tokener_error_parse_eof }
            guard err == json_tokener_success, let obj else {
                let column = Int(json_tokener_get_parse_end(tok)) + 1
                let reason = String(cString: json_tokener_error_desc(err))
                try ledger.bad(file: file, line: number, reason: "invalid JSON at column \(column): \(reason)")
                return
            }
            defer { json_object_put(obj) }
            let end = Int(json_tokener_get_parse_end(tok))
            if let extra = bytes[end...].firstIndex(where: { !JSONLinesReader.isSpace($0) }) {
                try ledger.bad(file: file, line: number, reason: "unexpected text after the JSON object at column \(extra + 1)")
                return
            }
            guard json_object_get_type(obj) == json_type_object else {
                try ledger.bad(file: file, line: number, reason: "expected one JSON object per line, found \(JSONObjectRef.typeName(obj))")
                return
            }
            if let reason = try body(JSONObjectRef(obj), number) {
                try ledger.bad(file: file, line: number, reason: reason)
            }
        }
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
}

/// A borrowed json-c object, valid only inside the `forEachObject` callback that hands it out.
public struct JSONObjectRef {
    let obj: OpaquePointer

    init(_ obj: OpaquePointer) { self.obj = obj }

    private func member(_ key: String) -> OpaquePointer? {
        var out: OpaquePointer? = nil
        guard json_object_object_get_ex(obj, key, &out) != 0, let out, json_object_get_type(out) != json_type_null else { return nil }
        return out
    }

    public func has(_ key: String) -> Bool { member(key) != nil }

    /// The member as a string; numbers and booleans are printed (e.g. a numeric `price`).
    public func string(_ key: String) -> String? {
        guard let m = member(key) else { return nil }
        switch json_object_get_type(m) {
        case json_type_string:
            let len = Int(json_object_get_string_len(m))
            return json_object_get_string(m)!.withMemoryRebound(to: UInt8.self, capacity: len) {
                String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
            }
        case json_type_int: return String(json_object_get_int64(m))
        case json_type_double: return String(json_object_get_double(m))
        case json_type_boolean: return json_object_get_boolean(m) != 0 ? "true" : "false"
        default: return nil
        }
    }

    /// The raw UTF-8 bytes of a string member, pointing into json-c's object: valid only inside the
    /// `forEachObject` callback. Non-generic on purpose (a generic closure variant was not specialized across
    /// modules and spent its time in metadata lookups).
    public func stringBytes(_ key: String) -> UnsafeBufferPointer<UInt8>? {
        guard let m = member(key), json_object_get_type(m) == json_type_string else { return nil }
        let len = Int(json_object_get_string_len(m))
        let p = UnsafeRawPointer(json_object_get_string(m)!).assumingMemoryBound(to: UInt8.self)
        return UnsafeBufferPointer(start: p, count: len)
    }

    /// The member as an integer (doubles with an integral value and numeric strings count).
    public func int64(_ key: String) -> Int64? {
        guard let m = member(key) else { return nil }
        switch json_object_get_type(m) {
        case json_type_int: return json_object_get_int64(m)
        case json_type_double:
            let d = json_object_get_double(m)
            return d.rounded() == d && abs(d) < 9e15 ? Int64(d) : nil
        case json_type_string: return string(key).flatMap { Int64($0) }
        default: return nil
        }
    }

    public func double(_ key: String) -> Double? {
        guard let m = member(key) else { return nil }
        switch json_object_get_type(m) {
        case json_type_int, json_type_double: return json_object_get_double(m)
        case json_type_string: return string(key).flatMap { Double($0) }
        default: return nil
        }
    }

    /// The member converted to a `JSONValue` (for nested lists such as categories).
    public func value(_ key: String) -> JSONValue? { member(key).map { JSONValue.convert($0) } }

    public func typeName(_ key: String) -> String { member(key).map { JSONObjectRef.typeName($0) } ?? "null" }

    static func typeName(_ o: OpaquePointer) -> String { JSONValue.convert(o).typeName }
}
