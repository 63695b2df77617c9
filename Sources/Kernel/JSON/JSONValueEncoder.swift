// Encodes any `Encodable` straight to a `JSONValue` (no text round trip), with snake_case keys. Used to
// turn a component's default `Config` into the schema the `plugins` listing and the validator show.
public struct JSONValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let node = Node()
        try node.store(value, codingPath: [])
        return node.resolved
    }
}

extension JSONValueEncoder {
    /// A value under construction: containers hand out child nodes and the tree is resolved at the end.
    final class Node {
        enum Content { case empty, value(JSONValue), object([(String, Node)]), array([Node]) }
        var content: Content = .empty

        var resolved: JSONValue {
            switch content {
            case .empty: return .object([])
            case let .value(v): return v
            case let .object(pairs): return .object(pairs.map { ($0.0, $0.1.resolved) })
            case let .array(items): return .array(items.map { $0.resolved })
            }
        }

        /// Primitives become JSON scalars directly; everything else encodes itself into this node.
        func store<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws {
            if let v = primitive(value) { content = .value(v); return }
            try value.encode(to: NodeEncoder(node: self, codingPath: codingPath))
        }

        func child(forKey key: String) -> Node {
            let c = Node()
            var pairs: [(String, Node)] = []
            if case let .object(p) = content { pairs = p }
            pairs.removeAll { $0.0 == key }
            pairs.append((key, c))
            content = .object(pairs)
            return c
        }

        func appendChild() -> Node {
            let c = Node()
            var items: [Node] = []
            if case let .array(a) = content { items = a }
            items.append(c)
            content = .array(items)
            return c
        }
    }

    static func primitive<T>(_ value: T) -> JSONValue? {
            switch value {
            case let v as Bool: return .bool(v)
            case let v as String: return .string(v)
            case let v as Double: return .double(v)
            case let v as Float: return .double(Double("\(v)") ?? Double(v))   // 0.01, not 0.009999999776482582
            case let v as Int: return .int(v)
            case let v as Int8: return .int(Int(v))
            case let v as Int16: return .int(Int(v))
            case let v as Int32: return .int(Int(v))
            case let v as Int64: return .int(Int(v))
            case let v as UInt: return .int(Int(v))
            case let v as UInt8: return .int(Int(v))
            case let v as UInt16: return .int(Int(v))
            case let v as UInt32: return .int(Int(v))
            case let v as UInt64: return .int(Int(truncatingIfNeeded: v))
            case let v as JSONValue: return v
            default: return nil
            }
        }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = node.content {} else { node.content = .object([]) }
            return KeyedEncodingContainer(NodeKeyedEncoder<Key>(node: node, codingPath: codingPath))
        }
        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if case .array = node.content {} else { node.content = .array([]) }
            return NodeUnkeyedEncoder(node: node, codingPath: codingPath)
        }
        func singleValueContainer() -> SingleValueEncodingContainer { NodeSingleEncoder(node: node, codingPath: codingPath) }
    }

    struct NodeKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(forKey: SnakeCase.from(camel: key.stringValue)).content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            if value is InlineConfig { return try value.encode(to: NodeEncoder(node: node, codingPath: codingPath)) }
            try node.child(forKey: SnakeCase.from(camel: key.stringValue)).store(value, codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let c = node.child(forKey: SnakeCase.from(camel: key.stringValue))
            c.content = .object([])
            return KeyedEncodingContainer(NodeKeyedEncoder<NestedKey>(node: c, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let c = node.child(forKey: SnakeCase.from(camel: key.stringValue))
            c.content = .array([])
            return NodeUnkeyedEncoder(node: c, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> Encoder { NodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            NodeEncoder(node: node.child(forKey: SnakeCase.from(camel: key.stringValue)), codingPath: codingPath + [key])
        }
    }

    struct NodeUnkeyedEncoder: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [CodingKey]
        var count: Int { if case let .array(a) = node.content { return a.count }; return 0 }

        mutating func encodeNil() throws { node.appendChild().content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.appendChild().store(value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let c = node.appendChild()
            c.content = .object([])
            return KeyedEncodingContainer(NodeKeyedEncoder<NestedKey>(node: c, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let c = node.appendChild()
            c.content = .array([])
            return NodeUnkeyedEncoder(node: c, codingPath: codingPath)
        }
        mutating func superEncoder() -> Encoder { NodeEncoder(node: node.appendChild(), codingPath: codingPath) }
    }

    struct NodeSingleEncoder: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [CodingKey]
        mutating func encodeNil() throws { node.content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
    }
}
