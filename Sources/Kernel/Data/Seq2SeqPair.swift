// One supervised sequence-to-sequence example: source tokens (a prompt, or an item's text) → target tokens
// (an item's ID, EOS last). What the recommender and the ID generator are trained on.
// Legend: S source tokens, T target tokens.
public struct Seq2SeqPair: Equatable {
    public var source: [Int]     // [S]
    public var target: [Int]     // [T]
    public init(source: [Int], target: [Int]) { self.source = source; self.target = target }
}
