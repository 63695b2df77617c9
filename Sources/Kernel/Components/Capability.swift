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
    /// Derived from conformance to `TrainableIDGenerator`, never declared.
    public static let trainableIDGenerator: Capability = "trainable-id-generator"
    /// trainer: trains a run's recommender (what the trainer stage needs). Derived from conformance to `Trainer`.
    public static let trainsRecommender: Capability = "trains-recommender"

    /// The capabilities a protocol stands for: a component has them exactly when its type conforms.
    public static func backedByProtocols(_ type: Any.Type) -> (granted: Set<Capability>, withheld: Set<Capability>) {
        var granted: Set<Capability> = [], withheld: Set<Capability> = []
        if type is TrainableIDGenerator.Type { granted.insert(.trainableIDGenerator) } else { withheld.insert(.trainableIDGenerator) }
        if type is Trainer.Type { granted.insert(.trainsRecommender) } else { withheld.insert(.trainsRecommender) }
        return (granted, withheld)
    }
    /// dataset: interactions carry timestamps (a temporal split needs them).
    public static let timestamps: Capability = "timestamps"
    /// dataset: items carry text (title/keyword/textual IDs and text prompts need it).
    public static let itemText: Capability = "item-text"
    /// model: a sequence-to-sequence scorer with incremental decoding (what beam decoders drive).
    public static let seq2seqScorer: Capability = "seq2seq-scorer"
    /// model: reads prompts through an encoder whose input embeddings can be replaced (IDGenRec's soft IDs).
    public static let encoderPrompts: Capability = "encoder-prompts"
}
