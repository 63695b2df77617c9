// "This component needs a component of kind K that provides capability C" — checked across the whole
// experiment graph before any work starts (e.g. trainer `alternate` needs item-ids with a trainable
// generator; decoder `trie-beam` needs token-sequence IDs).
public struct ComponentRequirement: Hashable, Sendable, CustomStringConvertible {
    public var kind: ComponentKind
    public var capability: Capability
    /// Why, in the field's words; shown in the validation report.
    public var reason: String

    public init(_ kind: ComponentKind, provides capability: Capability, because reason: String) {
        self.kind = kind
        self.capability = capability
        self.reason = reason
    }

    public var description: String { "\(kind.rawValue) providing '\(capability)' (\(reason))" }
}
