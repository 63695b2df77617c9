// Seed vocabulary and final vocabulary of the Unigram trainer (sentencepiece's MakeSeedSentencePieces and
// FinalizePieces, on distinct words instead of a suffix array).
import Foundation

extension UnigramTrainer {
    /// Frequent substrings of words (count ≥ 2, ranked by count × length as sentencepiece ranks seeds) plus every
    /// required character, scored by log relative frequency.
    func seedPieces(_ words: Words, required: [[UInt8]]) -> [Piece] {
        let allowed = Set(required)
        var counts: [[UInt8]: Double] = [:]
        for (w, f) in zip(words.bytes, words.freq) {
            var starts: [Int] = []
            var i = 0
            while i < w.count { starts.append(i); i += UTF8Scalars.length(leading: w[i]) }
            starts.append(w.count)
            let chars = (0..<(starts.count - 1)).map { Array(w[starts[$0]..<starts[$0 + 1]]) }
            let ok = chars.map { allowed.contains($0) }
            let digit = chars.map { $0.count == 1 && $0[0] >= 48 && $0[0] <= 57 }
            let space = chars.map { $0 == [0xE2, 0x96, 0x81] }
            for a in 0..<chars.count where ok[a] {
                var hasDigit = false, hasOther = false
                for b in a..<min(chars.count, a + options.maxPieceLength) {
                    guard ok[b], b == a || !space[b] else { break }
                    if digit[b] { hasDigit = true } else if !space[b] { hasOther = true }
                    if hasDigit && hasOther { break }  // split_by_number
                    if b > a { counts[Array(w[starts[a]..<starts[b + 1]]), default: 0] += f }
                }
            }
        }
        var charCounts: [[UInt8]: Double] = [:]
        for (w, f) in zip(words.bytes, words.freq) {
            var i = 0
            while i < w.count { let n = UTF8Scalars.length(leading: w[i]); charCounts[Array(w[i..<(i + n)]), default: 0] += f; i += n }
        }
        func charLength(_ b: [UInt8]) -> Int { b.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        var seeds = counts.filter { $0.value >= 2 }.map { ($0.key, $0.value) }
        seeds.sort { l, r in
            let a = l.1 * Double(charLength(l.0)), b = r.1 * Double(charLength(r.0))
            return a != b ? a > b : l.0.lexicographicallyPrecedes(r.0)
        }
        if seeds.count > options.seedSize { seeds.removeLast(seeds.count - options.seedSize) }
        seeds += required.map { ($0, charCounts[$0] ?? 1) }
        let logTotal = log(seeds.reduce(0) { $0 + $1.1 })
        return seeds.map { Piece(bytes: $0.0, score: log($0.1) - logTotal) }
    }

    /// The `budget` best pieces by score, every required character included (those EM dropped get scores just
    /// below the lowest, as sentencepiece gives them), ordered by score, ties by bytes.
    func finalize(_ pieces: [Piece], required: [[UInt8]], budget: Int) -> [Piece] {
        let reserved = Set((Self.meta + options.specialTokens).map { Array($0.utf8) }
                           + (options.byteFallback ? (0..<256).map { Array(UnigramModel.bytePiece(UInt8($0)).utf8) } : []))
        let byBytes = Dictionary(pieces.map { ($0.bytes, $0.score) }, uniquingKeysWith: max)
        var out: [Piece] = []
        var taken = Set<[UInt8]>()
        var penalty = (pieces.map(\.score).min() ?? 0)
        for c in required where !reserved.contains(c) {
            if let s = byBytes[c] { out.append(Piece(bytes: c, score: s)) } else {
                penalty -= 0.0001
                out.append(Piece(bytes: c, score: penalty))
            }
            taken.insert(c)
        }
        let rest = pieces.filter { !taken.contains($0.bytes) && !reserved.contains($0.bytes) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.bytes.lexicographicallyPrecedes($1.bytes) }
        for p in rest where out.count < budget { if taken.insert(p.bytes).inserted { out.append(p) } }
        return out.sorted { $0.score != $1.score ? $0.score > $1.score : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }
}
