// The parameters a component accepts, as listed by `idgenrec plugins` and checked by the validator:
// every key with its default and JSON type, in declaration order. Derived from the `Config` defaults.
public struct ConfigSchema: Equatable, Sendable {
    public struct Key: Equatable, Sendable {
        public var name: String
        public var defaultValue: JSONValue     // .null for optional keys without a default
        /// JSON type of the default ("integer", "number", "string", "boolean", "array", "object"), or "any".
        public var type: String

        public init(name: String, defaultValue: JSONValue, type: String) {
            self.name = name
            self.defaultValue = defaultValue
            self.type = type
        }
    }

    public var keys: [Key]
    /// False for schemas that accept any key (e.g. an external plugin that declared none).
    public var isClosed: Bool

    public init(keys: [Key], isClosed: Bool = true) {
        self.keys = keys
        self.isClosed = isClosed
    }

    public static let open = ConfigSchema(keys: [], isClosed: false)

    public var names: [String] { keys.map(\.name) }
    public func key(_ name: String) -> Key? { keys.first { $0.name == name } }

    /// Schema from a JSON object of defaults (e.g. a manifest's `"config": {...}`).
    public init(defaults: JSONValue) {
        self.keys = (defaults.objectValue ?? []).map { Key(name: $0.0, defaultValue: $0.1, type: $0.1 == .null ? "any" : $0.1.typeName) }
        self.isClosed = true
    }

    /// The defaults as one JSON object.
    public var defaults: JSONValue { .object(keys.map { ($0.name, $0.defaultValue) }) }

    /// Problems with `params` that need no decoding: not an object, unknown keys (with a suggestion),
    /// values whose JSON type cannot be the key's type. Every problem is reported, not only the first.
    public func check(_ params: JSONValue) -> [ConfigProblem] {
        guard case let .object(pairs) = params else {
            return [ConfigProblem(key: "", message: "parameters must be a JSON object, found \(params.typeName)")]
        }
        var problems: [ConfigProblem] = []
        for (name, value) in pairs {
            guard let k = key(name) else {
                if isClosed {
                    let advice = ClosestName.advice(for: name, among: names, noun: "known keys")
                    problems.append(ConfigProblem(key: name, message: "unknown key; \(advice)"))
                }
                continue
            }
            if !ConfigSchema.accepts(type: k.type, value) {
                problems.append(ConfigProblem(key: name, message: "expected \(ConfigSchema.article(k.type)), found \(JSONValueDecoder.describe(value)) (default: \(k.defaultValue.serialized()))"))
            }
        }
        return problems
    }

    static func accepts(type: String, _ v: JSONValue) -> Bool {
        switch type {
        case "any": return true
        case "number": return v.doubleValue != nil
        case "integer": return v.intValue != nil
        default: return v.typeName == type || v == .null && type == "any"
        }
    }

    static func article(_ type: String) -> String {
        switch type {
        case "integer", "array", "object": return "an \(type)"
        case "boolean": return "true or false"
        default: return "a \(type)"
        }
    }
}
