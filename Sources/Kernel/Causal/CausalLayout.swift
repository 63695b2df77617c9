// How the causal model reads a run: a user's items written one after another as their ID tokens (EOS closes
// each ID), after a start token. Training pairs are windows of a user's *training* sequence — the only
// per-user data a split lets training see — so no validation or test target is ever inside one; a pair's
// source is the window's context (start token, items already targeted) and its target the window's new items,
// so one forward pass scores every one of them. Decoding reads the start token and the history's IDs; the
// decoder then feeds EOS (the model's decoder start) and generates the next ID, exactly as the position after
// an ID's EOS was trained.
//
// Windows hold at most `window` items (the longest history the split gives + 1, so the last target of a
// window sees as much history as an evaluated prediction). A longer sequence is covered by windows that start
// every ⌈window/2⌉ items; each item after the first is a target in exactly one window, with at least half a
// window of context after the first window.
//
// Legend: n items in a sequence, W window, N catalog items.

public struct CausalLayout: Equatable, Sendable {
    /// One window of a sequence: the items at `items`, of which those from `firstTarget` on are targets.
    public struct Window: Equatable, Sendable {
        public var items: Range<Int>
        public var firstTarget: Int
    }

    public let startToken: Int
    public let window: Int

    public init(startToken: Int, window: Int) {
        precondition(window >= 2, "a causal window holds at least a context item and a target")
        self.startToken = startToken
        self.window = window
    }

    /// The window (longest history + 1) for a split's samples, at least 2.
    public static func window(for split: DataSplit) -> Int {
        let longest = (split.train + split.valid + split.test).map(\.history.count).max() ?? 1
        return max(longest + 1, 2)
    }

    /// The windows covering a sequence of `n` items (none when n < 2: nothing to predict).
    public func windows(count n: Int) -> [Window] {
        guard n >= 2 else { return [] }
        var out: [Window] = []
        let stride = (window + 1) / 2
        var start = 0, targeted = 1
        while targeted < n {
            let end = min(start + window, n)
            out.append(Window(items: start..<end, firstTarget: targeted))
            targeted = end
            start += stride     // ends `stride` items later: its first `window − stride` items are context
        }
        return out
    }

    /// Training pairs of every user's training sequence [U][n] with item IDs [N][tokens].
    public func pairs(trainingSequences: [[Int]], itemTokens: [[Int]]) -> [Seq2SeqPair] {
        trainingSequences.flatMap { seq in
            windows(count: seq.count).map { w in
                Seq2SeqPair(source: [startToken] + seq[w.items.lowerBound..<w.firstTarget].flatMap { itemTokens[$0] },
                            target: seq[w.firstTarget..<w.items.upperBound].flatMap { itemTokens[$0] })
            }
        }
    }

    /// What the model reads before generating the item after `history` (oldest first).
    public func input(history: [Int], itemTokens: [[Int]]) -> [Int] {
        [startToken] + history.flatMap { itemTokens[$0] }
    }
}
