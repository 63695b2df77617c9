// One thing wrong with a component's parameters: which key, what is wrong, what to do. The host adds where
// (file, stage, entry); the Kernel knows only the key.
public struct ConfigProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Dotted key path as written in the file ("beam_size", "budget.steps"); empty for the whole object.
    public var key: String
    public var message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { key.isEmpty ? message : "key '\(key)': \(message)" }
}
