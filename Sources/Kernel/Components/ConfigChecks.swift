// Collects a config's value problems so `validate()` reads as a list of rules and reports every broken one,
// not only the first (a user fixing a file sees all of them in one `idgenrec validate`).
public struct ConfigChecks {
    public private(set) var problems: [ConfigProblem] = []

    public init() {}

    /// Notes `message` for `key` unless `rule` holds.
    public mutating func require(_ rule: Bool, _ key: String, _ message: @autoclosure () -> String) {
        if !rule { problems.append(ConfigProblem(key: key, message: message())) }
    }
}
