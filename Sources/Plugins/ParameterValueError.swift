// A component configuration that cannot work (decoders, metrics, evaluation), named by component and key, with the fix.
public struct ParameterValueError: Error, Equatable, CustomStringConvertible {
    public let component: String   // e.g. "trie-beam"
    public let key: String         // e.g. "k"
    public let advice: String

    public init(component: String, key: String, advice: String) {
        self.component = component
        self.key = key
        self.advice = advice
    }

    public var description: String { "\(component): bad '\(key)': \(advice)" }
}
