// `greedy`: the most likely next token at every position — over the trie's allowed tokens (one real item per
// input) or over the whole vocabulary (free text). Batched: one `step` per position for all live inputs.
// Ties go to the lower token id, so results are deterministic.
//
// Legend: B inputs, R rows of a step (≤ B), V vocabulary.
public struct GreedyDecoder: ItemRanker {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Free-text decoding only: HF max_length, counting the decoder start token.
        public var maxLength = 20

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(maxLength >= 2, "max_length", "must be ≥ 2 (it counts the decoder start token), got \(maxLength)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "greedy")
    }

    /// One item per input (its summed log-prob as score); none when every item is excluded.
    public func rank(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]], exclusions: [[Int]]?) -> [RankedItems] {
        let B = inputs.count
        let blocked: [Set<Int>] = (0 ..< B).map { b in
            guard let ex = exclusions, b < ex.count else { return [] }
            return trie.blockedNodes(excluding: ex[b])
        }
        var result = (0 ..< B).map { _ in RankedItems(items: [], scores: [], exhausted: true) }
        guard B > 0 else { return result }
        var live = (0 ..< B).filter { !blocked[$0].contains(Trie.root) && trie.itemCount > 0 }   // input per row
        var nodes = [Int](repeating: Trie.root, count: live.count), scores = [Float](repeating: 0, count: live.count)
        let decoder = scorer.beginDecoding(inputs: inputs)
        var parents = live, tokens = [Int](repeating: scorer.decoderStartID, count: live.count)
        while !live.isEmpty {
            let lp = decoder.step(parents: parents, tokens: tokens), V = decoder.vocabularySize   // [R, V]
            var nextLive: [Int] = [], nextNodes: [Int] = [], nextScores: [Float] = []
            parents = []; tokens = []
            for (r, b) in live.enumerated() {
                var bestEdge = -1, bestLP = -Float.infinity
                for e in trie.edges(of: nodes[r]) where !blocked[b].contains(trie.child(ofEdge: e)) {
                    let x = lp[r * V + trie.token(ofEdge: e)]
                    if bestEdge < 0 || x > bestLP { bestEdge = e; bestLP = x }
                }
                guard bestEdge >= 0 else { continue }
                let child = trie.child(ofEdge: bestEdge), score = scores[r] + bestLP
                if let item = trie.item(at: child) {
                    result[b] = RankedItems(items: [item], scores: [score], exhausted: false)
                } else {
                    nextLive.append(b); nextNodes.append(child); nextScores.append(score)
                    parents.append(r); tokens.append(trie.token(ofEdge: bestEdge))
                }
            }
            live = nextLive; nodes = nextNodes; scores = nextScores
        }
        return result
    }

    /// Free text: argmax over the vocabulary until EOS or max_length (EOS included in `tokens` when reached).
    public func generate(_ scorer: Seq2SeqScorer, inputs: [[Int]]) -> [GeneratedSequence] {
        var out = inputs.map { _ in GeneratedSequence(tokens: [], score: 0) }
        guard !inputs.isEmpty else { return out }
        var live = Array(inputs.indices)
        let decoder = scorer.beginDecoding(inputs: inputs)
        var parents = live, tokens = [Int](repeating: scorer.decoderStartID, count: live.count)
        var length = 1                                                  // HF cur_len
        while !live.isEmpty && length < config.maxLength {
            let lp = decoder.step(parents: parents, tokens: tokens), V = decoder.vocabularySize   // [R, V]
            var nextLive: [Int] = []
            parents = []; tokens = []
            for (r, b) in live.enumerated() {
                var best = 0
                for t in 1 ..< V where lp[r * V + t] > lp[r * V + best] { best = t }
                out[b].tokens.append(best); out[b].score += lp[r * V + best]
                if best != scorer.eosID { nextLive.append(b); parents.append(r); tokens.append(best) }
            }
            live = nextLive
            length += 1
        }
        return out
    }
}
