// One decoded sequence: its tokens (decoder start excluded; EOS last when it finished), its score as the
// decoder ranked it, and — when decoding was constrained by a trie — the item it names.
public struct GeneratedSequence: Equatable, Sendable {
    public var tokens: [Int]      // [L]
    public var score: Float
    public var item: Int?

    public init(tokens: [Int], score: Float, item: Int? = nil) {
        self.tokens = tokens
        self.score = score
        self.item = item
    }
}
