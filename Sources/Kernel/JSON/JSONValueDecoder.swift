// Decodes any `Decodable` straight from a `JSONValue`, mapping camelCase coding keys to snake_case JSON keys,
// and remembers which keys of every object were read — so a config file's unknown keys (typos) are found
// instead of silently ignored, which is what a plain `JSONDecoder` would do.
public struct JSONValueDecoder {
    public init() {}

    /// Decodes `type` and returns it with the dotted paths of every object key the type never asked for.
    public func decodeReportingUnread<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> (T, unread: [String]) {
        let reads = KeyReads()
        let result = try NodeDecoder(value: value, codingPath: [], reads: reads).decode(type)
        return (result, reads.unread(in: value))
    }

    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try NodeDecoder(value: value, codingPath: [], reads: KeyReads()).decode(type)
    }
}

extension JSONValueDecoder {
    /// Which object keys were read, per object path ("" for the root, "budget" for a nested object…).
    final class KeyReads {
        var opened: Set<String> = []             // object paths decoded through a keyed container
        var read: [String: Set<String>] = [:]    // object path → keys asked for

        func unread(in value: JSONValue, path: String = "") -> [String] {
            var out: [String] = []
            switch value {
            case let .object(pairs):
                let asked = read[path] ?? []
                for (k, v) in pairs {
                    let p = path.isEmpty ? k : path + "." + k
                    if opened.contains(path) && !asked.contains(k) { out.append(p) } else { out += unread(in: v, path: p) }
                }
            case let .array(items):
                for (i, v) in items.enumerated() { out += unread(in: v, path: path + "[\(i)]") }
            default: break
            }
            return out
        }
    }

    /// Dotted path for a coding path, with JSON (snake_case) keys and [i] for array positions.
    static func path(_ codingPath: [CodingKey]) -> String {
        var s = ""
        for k in codingPath {
            if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + SnakeCase.from(camel: k.stringValue) }
        }
        return s
    }

    struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ i: Int) { intValue = i }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { return nil }
    }

    struct NodeDecoder: Decoder {
        let value: JSONValue
        var codingPath: [CodingKey]
        let reads: KeyReads
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func mismatch(_ expected: String) -> DecodingError {
            .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected), found \(JSONValueDecoder.describe(value))"))
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            if let v = try JSONValueDecoder.primitive(type, from: value, decoder: self) { return v }
            return try T(from: self)
        }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case let .object(pairs) = value else { throw mismatch("an object") }
            reads.opened.insert(JSONValueDecoder.path(codingPath))
            return KeyedDecodingContainer(NodeKeyedDecoder<Key>(pairs: pairs, codingPath: codingPath, reads: reads))
        }
        func unkeyedContainer() throws -> UnkeyedDecodingContainer {
            guard case let .array(items) = value else { throw mismatch("an array") }
            return NodeUnkeyedDecoder(items: items, codingPath: codingPath, reads: reads)
        }
        func singleValueContainer() throws -> SingleValueDecodingContainer { NodeSingleDecoder(decoder: self) }
    }

    static func describe(_ v: JSONValue) -> String {
        let text = v.serialized()
        return "\(v.typeName) \(text.count > 40 ? String(text.prefix(40)) + "…" : text)"
    }

    /// Scalars read straight from the JSON value, with range checks for narrow integers.
    static func primitive<T>(_ type: T.Type, from v: JSONValue, decoder d: NodeDecoder) throws -> T? {
        func int<I: FixedWidthInteger>(_: I.Type) throws -> I {
            guard let i = v.intValue else { throw d.mismatch("an integer") }
            guard let r = I(exactly: i) else { throw d.mismatch("an integer in \(I.min)…\(I.max)") }
            return r
        }
        switch type {
        case is Bool.Type: guard let b = v.boolValue else { throw d.mismatch("true or false") }; return (b as! T)
        case is String.Type: guard let s = v.stringValue else { throw d.mismatch("a string") }; return (s as! T)
        case is Double.Type: guard let x = v.doubleValue else { throw d.mismatch("a number") }; return (x as! T)
        case is Float.Type: guard let x = v.doubleValue else { throw d.mismatch("a number") }; return (Float(x) as! T)
        case is Int.Type: return (try int(Int.self) as! T)
        case is Int8.Type: return (try int(Int8.self) as! T)
        case is Int16.Type: return (try int(Int16.self) as! T)
        case is Int32.Type: return (try int(Int32.self) as! T)
        case is Int64.Type: return (try int(Int64.self) as! T)
        case is UInt.Type: return (try int(UInt.self) as! T)
        case is UInt8.Type: return (try int(UInt8.self) as! T)
        case is UInt16.Type: return (try int(UInt16.self) as! T)
        case is UInt32.Type: return (try int(UInt32.self) as! T)
        case is UInt64.Type: return (try int(UInt64.self) as! T)
        case is JSONValue.Type: return (v as! T)
        default: return nil
        }
    }
}
