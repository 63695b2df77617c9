// What a component offers to the other stages of the graph; requirements name these. Open set (a struct,
// not an enum) so an external plugin or a new family can add its own without touching the Kernel.
public struct Capability: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    /// item-ids: every item's ID is a token sequence a trie can hold (what constrained decoding needs).
    public static let tokenSequenceIDs: Capability = "token-sequence-ids"
    /// item-ids: IDs come from a trainable generator (IDGenRec's ID generator; needed by alternate training).
    public static let trainableIDGenerator: Capability = "trainable-id-generator"
    /// dataset: interactions carry timestamps (a temporal split needs them).
    public static let timestamps: Capability = "timestamps"
    /// dataset: items carry text (title/keyword/textual IDs and text prompts need it).
    public static let itemText: Capability = "item-text"
    /// model: a sequence-to-sequence scorer with incremental decoding (what beam decoders drive).
    public static let seq2seqScorer: Capability = "seq2seq-scorer"
}
