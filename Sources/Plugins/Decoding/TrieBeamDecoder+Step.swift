// One position of `TrieBeamDecoder` for one input: score every allowed continuation of its live rows, move
// EOS continuations (leaves = items) to the finished pool, keep the K best others, drop the hopeless.
//
// Legend: R rows of the step, V vocabulary, K beams.
import Foundation

extension TrieBeamDecoder {
    /// `logProb(row, k, token)`: the score of the k-th allowed (not blocked) continuation `token` of `row`.
    func expand(rows: Range<Int>, beams: [Beam], logProb: (Int, Int, Int) -> Float,
                trie: Trie, blocked: Set<Int>, finished: inout FinishedPool) -> [Candidate] {
        var best = BestCandidates(capacity: config.beams)
        for r in rows {
            let beam = beams[r]
            var k = 0
            for e in trie.edges(of: beam.node) {
                let child = trie.child(ofEdge: e)
                if !blocked.isEmpty && blocked.contains(child) { continue }
                let s = beam.score + logProb(r, k, trie.token(ofEdge: e))
                k += 1
                if let item = trie.item(at: child) {
                    finished.offer(item: item, score: finalScore(s, length: trie.depth(of: child)))
                } else {
                    best.offer(Candidate(score: s, row: r, edge: e))
                }
            }
        }
        var chosen = best.bestFirst()
        if finished.isFull {
            let bar = finished.worst
            chosen.removeAll { bound($0.score, node: trie.child(ofEdge: $0.edge), trie: trie) <= bar }
        }
        return chosen
    }

    /// The ranking score of a finished ID of `length` tokens (EOS included).
    @inline(__always) func finalScore(_ sum: Float, length: Int) -> Float {
        config.lengthNormalization ? sum / powf(Float(length), config.lengthPenalty) : sum
    }

    /// The best ranking score any ID through `node` can still reach from the partial sum `sum` ≤ 0:
    /// the sum only decreases; normalized, the length that divides it is at most the longest ID below
    /// (α ≥ 0) or at least one more token (α < 0).
    @inline(__always) func bound(_ sum: Float, node: Int, trie: Trie) -> Float {
        guard config.lengthNormalization else { return sum }
        let length = config.lengthPenalty >= 0 ? trie.longestLength(below: node) : trie.depth(of: node) + 1
        return sum / powf(Float(length), config.lengthPenalty)
    }
}
