// One component chosen for a stage: its registered name and the parameters the user gave (a JSON object;
// defaults are filled in when the component is resolved against the registry).
public struct ComponentChoice: Equatable {
    public var name: String
    public var params: JSONValue

    public init(name: String, params: JSONValue = .object([])) {
        self.name = name
        self.params = params
    }

    /// As written in an experiment file: a bare name when there are no params, else {"component": …, …}.
    public var json: JSONValue {
        guard case let .object(pairs) = params, !pairs.isEmpty else { return .string(name) }
        return .object([("component", .string(name))] + pairs)
    }
}
