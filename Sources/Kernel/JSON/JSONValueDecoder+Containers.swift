// The keyed, unkeyed and single-value containers of `JSONValueDecoder`, with the key-read bookkeeping.
extension JSONValueDecoder {
    struct NodeKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let pairs: [(String, JSONValue)]
        var codingPath: [CodingKey]
        let reads: KeyReads

        var allKeys: [Key] {
            pairs.compactMap { (k, _) in Key(stringValue: k) ?? Key(stringValue: NodeKeyedDecoder.camel(k)) }
        }

        static func camel(_ snake: String) -> String {
            let parts = snake.split(separator: "_")
            guard let first = parts.first else { return snake }
            return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }

        /// The JSON value for `key`: its snake_case spelling, or (for dictionary keys) the key exactly as written.
        func lookup(_ key: Key) -> (String, JSONValue)? {
            let snake = SnakeCase.from(camel: key.stringValue)
            let found = pairs.first(where: { $0.0 == snake }) ?? pairs.first(where: { $0.0 == key.stringValue })
            reads.read[JSONValueDecoder.path(codingPath), default: []].insert(found?.0 ?? snake)
            return found
        }

        func value(_ key: Key) throws -> JSONValue {
            guard let (_, v) = lookup(key) else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "missing key '\(SnakeCase.from(camel: key.stringValue))'"))
            }
            return v
        }

        func contains(_ key: Key) -> Bool { lookup(key) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { (try value(key)) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            // An inline group's keys are this object's own (InlineConfig).
            if T.self is InlineConfig.Type { return try NodeDecoder(value: .object(pairs), codingPath: codingPath, reads: reads).decode(type) }
            let v = try value(key)
            if v == .null && !(T.self is JSONValue.Type) {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "null is not allowed here"))
            }
            return try NodeDecoder(value: v, codingPath: codingPath + [key], reads: reads).decode(type)
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(value: value(key), codingPath: codingPath + [key], reads: reads).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            try NodeDecoder(value: value(key), codingPath: codingPath + [key], reads: reads).unkeyedContainer()
        }
        func superDecoder() throws -> Decoder { NodeDecoder(value: .object(pairs), codingPath: codingPath, reads: reads) }
        func superDecoder(forKey key: Key) throws -> Decoder { NodeDecoder(value: try value(key), codingPath: codingPath + [key], reads: reads) }
    }

    struct NodeUnkeyedDecoder: UnkeyedDecodingContainer {
        let items: [JSONValue]
        var codingPath: [CodingKey]
        let reads: KeyReads
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [JSONValue], codingPath: [CodingKey], reads: KeyReads) {
            self.items = items
            self.codingPath = codingPath
            self.reads = reads
        }

        mutating func next() throws -> NodeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "array has only \(items.count) elements"))
            }
            defer { currentIndex += 1 }
            return NodeDecoder(value: items[currentIndex], codingPath: codingPath + [IndexKey(currentIndex)], reads: reads)
        }

        mutating func decodeNil() throws -> Bool {
            if !isAtEnd && items[currentIndex] == .null { currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> Decoder { try next() }
    }

    struct NodeSingleDecoder: SingleValueDecodingContainer {
        let decoder: NodeDecoder
        var codingPath: [CodingKey] { decoder.codingPath }
        func decodeNil() -> Bool { decoder.value == .null }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
    }
}
