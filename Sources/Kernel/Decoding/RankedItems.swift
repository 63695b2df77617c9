// What a trie decoder returns for one input: distinct real items, best first, with the score they were
// ranked by. When fewer than the requested k were reachable (a small catalog, excluded history, a narrow
// beam) the list is shorter and `exhausted` says so — it is never padded with junk beams (HF's constrained
// beam search pads with duplicates scored near −1e9).
public struct RankedItems: Equatable, Sendable {
    public var items: [Int]        // [≤ k] item indices, best first, distinct
    public var scores: [Float]     // [≤ k] sequence log-probability (length-normalized when asked), descending
    public var exhausted: Bool     // true when fewer than the requested number of items came out

    public init(items: [Int], scores: [Float], exhausted: Bool) {
        self.items = items
        self.scores = scores
        self.exhausted = exhausted
    }
}
