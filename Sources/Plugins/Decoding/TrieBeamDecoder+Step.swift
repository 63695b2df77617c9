// One position of `TrieBeamDecoder` for one input: score every allowed continuation of its live rows, move
// EOS continuations (leaves = items) to the finished pool, keep the K best others, drop the hopeless.
//
// Legend: R rows of the step, V vocabulary, K beams.
import Foundation

extension TrieBeamDecoder {
    func expand(rows: Range<Int>, beams: [Beam], logProbs: [Float],       // logProbs [R, V]
                V: Int, trie: Trie, blocked: Set<Int>, finished: inout FinishedPool) -> [Candidate] {
        var best = BestCandidates(capacity: config.beams)
        logProbs.withUnsafeBufferPointer { lp in
            for r in rows {
                let beam = beams[r], base = r * V
                let shift = config.renormalizeAllowed
                    ? logSumExp(lp, base: base, trie: trie, node: beam.node, blocked: blocked) : 0
                for e in trie.edges(of: beam.node) {
                    let child = trie.child(ofEdge: e)
                    if !blocked.isEmpty && blocked.contains(child) { continue }
                    let s = beam.score + (lp[base + trie.token(ofEdge: e)] - shift)
                    if let item = trie.item(at: child) {
                        finished.offer(item: item, score: finalScore(s, length: trie.depth(of: child)))
                    } else {
                        best.offer(Candidate(score: s, row: r, edge: e))
                    }
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

    /// log Σ exp over the allowed (trie children, not blocked) tokens of one row.
    func logSumExp(_ lp: UnsafeBufferPointer<Float>, base: Int, trie: Trie, node: Int, blocked: Set<Int>) -> Float {
        var m = -Float.infinity
        for e in trie.edges(of: node) where !blocked.contains(trie.child(ofEdge: e)) {
            m = max(m, lp[base + trie.token(ofEdge: e)])
        }
        guard m > -.infinity else { return 0 }
        var s: Float = 0
        for e in trie.edges(of: node) where !blocked.contains(trie.child(ofEdge: e)) {
            s += expf(lp[base + trie.token(ofEdge: e)] - m)
        }
        return m + logf(s)
    }
}
