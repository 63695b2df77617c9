// EM and pruning of the Unigram trainer (sentencepiece unigram_model_trainer.cc: RunEStep, RunMStep,
// PruneSentencePieces), over the distinct words of the corpus weighted by their counts.
import Foundation

extension UnigramTrainer {
    /// One word's lattice: nodes (start, end, piece or -1 for unk, score) at character boundaries.
    struct Lattice {
        var starts: [Int] = [], ends: [Int] = [], ids: [Int] = [], scores: [Double] = []

        /// Builds the nodes from the pieces' trie; `excluding` leaves one piece out (still counting as present for
        /// the rule that a character with no single-character piece gets an unk node).
        init(_ w: [UInt8], trie: PieceTrie, scores pieceScores: [Double], unkScore: Double, excluding: Int = -1) {
            w.withUnsafeBufferPointer { b in
                var pos = 0
                while pos < b.count {
                    let mblen = min(UTF8Scalars.length(leading: b[pos]), b.count - pos)
                    var single = false
                    trie.forEachPrefix(b, from: pos) { len, id in
                        if len == mblen { single = true }
                        if id == excluding { return }
                        starts.append(pos); ends.append(pos + len); ids.append(id); scores.append(pieceScores[id])
                    }
                    if !single { starts.append(pos); ends.append(pos + mblen); ids.append(-1); scores.append(unkScore) }
                    pos += mblen
                }
            }
        }

        /// Log partition function and each node's marginal probability (forward–backward; nodes are in start order).
        func marginals(length n: Int) -> (Double, [Double]) {
            var alpha = [Double](repeating: -.infinity, count: n + 1), beta = alpha
            alpha[0] = 0; beta[n] = 0
            for k in 0..<starts.count { alpha[ends[k]] = logAdd(alpha[ends[k]], alpha[starts[k]] + scores[k]) }
            for k in stride(from: starts.count - 1, through: 0, by: -1) { beta[starts[k]] = logAdd(beta[starts[k]], beta[ends[k]] + scores[k]) }
            let z = alpha[n]
            return (z, (0..<starts.count).map { exp(alpha[starts[$0]] + scores[$0] + beta[ends[$0]] - z) })
        }

        /// Piece ids of the best path (unk as -1), or nil when no path reaches the end.
        func viterbi(length n: Int) -> [Int]? {
            var best = [Double](repeating: -.infinity, count: n + 1)
            var back = [Int](repeating: -1, count: n + 1)
            best[0] = 0
            for k in 0..<starts.count where best[starts[k]] > -.infinity {
                let c = best[starts[k]] + scores[k]
                if back[ends[k]] < 0 || c > best[ends[k]] { best[ends[k]] = c; back[ends[k]] = k }
            }
            guard back[n] >= 0 else { return nil }
            var path: [Int] = [], e = n
            while e > 0 { let k = back[e]; path.append(ids[k]); e = starts[k] }
            return path.reversed()
        }
    }

    static func model(_ pieces: [Piece]) -> (PieceTrie, [Double], Double) {
        let scores = pieces.map(\.score)
        return (PieceTrie(pieces: pieces.map(\.bytes)), scores, (scores.min() ?? 0) - 10)
    }

    /// Expected count of each piece over the corpus.
    func eStep(_ pieces: [Piece], _ words: Words) -> [Double] {
        let (trie, scores, unk) = Self.model(pieces)
        var expected = [Double](repeating: 0, count: pieces.count)
        for (w, f) in zip(words.bytes, words.freq) {
            let lattice = Lattice(w, trie: trie, scores: scores, unkScore: unk)
            let (z, m) = lattice.marginals(length: w.count)
            guard z.isFinite else { continue }
            for k in 0..<m.count where lattice.ids[k] >= 0 { expected[lattice.ids[k]] += f * m[k] }
        }
        return expected
    }

    /// Bayesian M-step: drops pieces expected less than half a time, scores the rest digamma(count) − digamma(sum).
    func mStep(_ pieces: [Piece], _ expected: [Double]) -> [Piece] {
        var kept: [(Piece, Double)] = []
        for (p, c) in zip(pieces, expected) where c >= 0.5 { kept.append((p, c)) }
        let logSum = digamma(kept.reduce(0) { $0 + $1.1 })
        return kept.map { Piece(bytes: $0.0.bytes, score: digamma($0.1) - logSum) }
    }

    /// Keeps the `target` pieces whose removal costs the most likelihood: a piece is free to drop if its own best
    /// segmentation splits it or no best path uses it; otherwise its loss is the drop in log-likelihood when its
    /// occurrences are re-segmented by their second-best path.
    func prune(_ pieces: [Piece], _ words: Words, target: Int) -> [Piece] {
        let (trie, scores, unk) = Self.model(pieces)
        var alternatives = [[Int]?](repeating: nil, count: pieces.count)
        var removable = [Bool](repeating: false, count: pieces.count)
        for (i, p) in pieces.enumerated() {
            let best = Lattice(p.bytes, trie: trie, scores: scores, unkScore: unk).viterbi(length: p.bytes.count) ?? []
            if best.count >= 2 { removable[i] = true; continue }
            let alt = Lattice(p.bytes, trie: trie, scores: scores, unkScore: unk, excluding: i).viterbi(length: p.bytes.count)
            if let alt, !alt.contains(-1) { alternatives[i] = alt }
        }
        var freq = [Double](repeating: 0, count: pieces.count)
        for (w, f) in zip(words.bytes, words.freq) {
            for id in Lattice(w, trie: trie, scores: scores, unkScore: unk).viterbi(length: w.count) ?? [] where id >= 0 { freq[id] += f }
        }
        let sum = freq.reduce(0, +), logSum = log(sum), vsum = words.total
        var kept: [Int] = [], candidates: [(Int, Double)] = []
        for i in 0..<pieces.count where freq[i] > 0 && !removable[i] {
            guard let alt = alternatives[i] else { kept.append(i); continue }
            let logProb = log(freq[i]) - logSum
            let logSumAlt = log(sum + freq[i] * Double(alt.count - 1))
            let logProbAlt = alt.reduce(0.0) { $0 + log(freq[$1] + freq[i]) - logSumAlt }
            candidates.append((i, freq[i] / vsum * (logProb - logProbAlt)))
        }
        candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : pieces[$0.0].bytes.lexicographicallyPrecedes(pieces[$1.0].bytes) }
        for (i, _) in candidates where kept.count < target { kept.append(i) }
        return kept.sorted().map { pieces[$0] }
    }
}

@inline(__always) func logAdd(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b))
}

/// ψ(x) for x > 0: recurrence up to 6, then the asymptotic series ln x − 1/2x − Σ B₂ₖ/(2k x²ᵏ).
func digamma(_ x0: Double) -> Double {
    var x = x0, r = 0.0
    while x < 6 { r -= 1 / x; x += 1 }
    let f = 1 / (x * x)
    return r + log(x) - 0.5 / x - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))))
}
