// `exact`: the teacher-forced log-probability of every item's full ID, for catalogs small enough to score
// exhaustively — the yardstick for how much beam search loses (the beam-vs-exact ranking gap).
//
// The trie is walked level by level: step d feeds, for every input, one row per trie node at depth d that has
// children, so each shared prefix is computed once and each level is one batched `step` (the incremental API
// only extends the previous step's rows, which is why this is breadth-first). Memory per step is
// rows × V floats, rows = inputs × nodes at that depth: batch inputs accordingly.
//
// Legend: B inputs, N items, R rows of a step, V vocabulary.
import Foundation

public struct ExactScorer: ItemRanker {
    public struct Config: ComponentConfig, Equatable, Sendable {
        public var k = 20                          // items returned by `rank`
        public var lengthNormalization = false     // rank by sum / length^α, as `trie-beam` can
        public var lengthPenalty: Float = 1.0

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(k >= 1, "k", "must be ≥ 1, got \(k)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "exact")
    }

    /// Every item's score for every input, [B][N] (length-normalized when configured).
    public func scores(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]]) -> [[Float]] {
        let B = inputs.count
        var out = [[Float]](repeating: [Float](repeating: -.infinity, count: trie.itemCount), count: B)
        guard B > 0, trie.itemCount > 0 else { return out }
        var rows = (0 ..< B).map { (input: $0, node: Trie.root, score: Float(0)) }
        let decoder = scorer.beginDecoding(inputs: inputs)
        var parents = Array(0 ..< B), tokens = [Int](repeating: scorer.decoderStartID, count: B)
        while !rows.isEmpty {
            let lp = decoder.step(parents: parents, tokens: tokens), V = decoder.vocabularySize   // [R, V]
            var next: [(input: Int, node: Int, score: Float)] = []
            parents = []; tokens = []
            for (r, row) in rows.enumerated() {
                for e in trie.edges(of: row.node) {
                    let child = trie.child(ofEdge: e), s = row.score + lp[r * V + trie.token(ofEdge: e)]
                    if let item = trie.item(at: child) {
                        out[row.input][item] = config.lengthNormalization
                            ? s / powf(Float(trie.depth(of: child)), config.lengthPenalty) : s
                    } else {
                        next.append((row.input, child, s)); parents.append(r); tokens.append(trie.token(ofEdge: e))
                    }
                }
            }
            rows = next
        }
        return out
    }

    /// The k best items by exact score, excluded items left out; ties by item index.
    public func rank(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]], exclusions: [[Int]]?) -> [RankedItems] {
        scores(scorer, trie: trie, inputs: inputs).enumerated().map { b, s in
            let excluded = Set(exclusions.flatMap { b < $0.count ? $0[b] : nil } ?? [])
            let best = s.indices.filter { !excluded.contains($0) }
                .sorted { s[$0] != s[$1] ? s[$0] > s[$1] : $0 < $1 }.prefix(config.k)
            return RankedItems(items: Array(best), scores: best.map { s[$0] }, exhausted: best.count < config.k)
        }
    }
}
