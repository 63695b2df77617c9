// One position of group beam search for one input: groups in order, each penalized by the tokens the earlier
// groups just chose (HF `HammingDiversityLogitsProcessor`), then HF's beam-scorer bookkeeping per group.
//
// Legend: R rows of the step, V vocabulary, S beams per group.
import Foundation

extension DiverseBeamDecoder {
    /// A continuation: row `row` extended by `token`, reaching trie node `node` (−1 unconstrained).
    struct Candidate { var score: Float; var row: Int; var token: Int; var node: Int }

    func advance(rows: Range<Int>, beams: [Beam], logProbs: [Float], V: Int, eosID: Int,   // logProbs [R, V]
                 trie: Trie?, blocked: Set<Int>, currentLength: Int,
                 hypotheses: inout [Hypotheses], done: inout [Bool],
                 chosen: inout [Int32]) -> [(row: Int, beam: Beam)] {   // chosen [V] all zero on entry and exit
        let S = config.beamsPerGroup, lambda = config.diversityPenalty
        let eosAllowed = currentLength >= config.minLength          // HF MinLengthLogitsProcessor
        var touched: [Int] = []                                      // tokens counted in `chosen`, to reset
        defer { for t in touched { chosen[t] = 0 } }
        var kept: [(row: Int, beam: Beam)] = []
        var lo = rows.lowerBound
        while lo < rows.upperBound {
            let g = beams[lo].group
            var hi = lo
            while hi < rows.upperBound && beams[hi].group == g { hi += 1 }
            var top: [Candidate] = []                                // [≤ 2S] best first
            logProbs.withUnsafeBufferPointer { lp in
                func consider(_ row: Int, _ t: Int, _ node: Int) {
                    if t == eosID && !eosAllowed { return }
                    let x = lp[row * V + t]
                    guard x > -.infinity else { return }
                    let c = Candidate(score: (x - lambda * Float(chosen[t])) + beams[row].score,
                                      row: row, token: t, node: node)
                    DiverseBeamDecoder.insert(c, into: &top, capacity: 2 * S)
                }
                for row in lo ..< hi {
                    if let trie = trie {
                        for e in trie.edges(of: beams[row].node) where !blocked.contains(trie.child(ofEdge: e)) {
                            consider(row, trie.token(ofEdge: e), trie.child(ofEdge: e))
                        }
                    } else {
                        for t in 0 ..< V { consider(row, t, -1) }
                    }
                }
            }
            let first = kept.count
            for (rank, c) in top.enumerated() {
                let parent = beams[c.row]
                if c.token == eosID {
                    guard rank < S else { continue }                  // HF: EOS outside the top S is ignored
                    hypotheses[g].add(tokens: parent.tokens + [eosID], score: c.score, length: 1 + parent.tokens.count,
                                      lengthPenalty: config.lengthPenalty)
                } else {
                    kept.append((c.row, Beam(input: parent.input, group: g, tokens: parent.tokens + [c.token],
                                             node: c.node, score: c.score)))
                    if chosen[c.token] == 0 { touched.append(c.token) }
                    chosen[c.token] += 1                              // beams of earlier groups choosing it
                    if kept.count - first == S { break }
                }
            }
            let finished = top.isEmpty || hypotheses[g].isDone(bestSum: top[0].score, currentLength: currentLength,
                                                               lengthPenalty: config.lengthPenalty)
            if finished { done[g] = true; kept.removeSubrange(first...) }
            lo = hi
        }
        return kept
    }

    /// Inserts into a best-first list of at most `capacity`; ties keep (row, token) order.
    static func insert(_ c: Candidate, into top: inout [Candidate], capacity: Int) {
        if top.count == capacity, c.score <= top[capacity - 1].score { return }
        var i = top.count
        while i > 0 && top[i - 1].score < c.score { i -= 1 }
        top.insert(c, at: i)
        if top.count > capacity { top.removeLast() }
    }
}
