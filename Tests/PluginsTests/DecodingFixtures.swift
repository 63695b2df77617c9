import Foundation
import IDGenPlugins

/// Random item IDs for decoder tests: `count` distinct sequences of 1...maxTokens tokens from 2..<V, then EOS (1).
func randomIDs(count: Int, vocabulary V: Int, maxTokens: Int, seed: UInt64) -> [[Int]] {
    var rng = SplitMix(seed)
    var seen = Set<[Int]>(), ids: [[Int]] = []
    while ids.count < count {
        let n = 1 + Int(rng.next() % UInt64(maxTokens))
        let s = (0 ..< n).map { _ in 2 + Int(rng.next() % UInt64(V - 2)) } + [1]
        if seen.insert(s).inserted { ids.append(s) }
    }
    return ids
}

struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every item's score by teacher forcing, best first (ties by item index): the brute-force reference.
func bruteForceRanking(_ scorer: TableScorer, input: [Int], ids: [[Int]], lengthPenalty: Float? = nil,
                       excluding: Set<Int> = []) -> [(item: Int, score: Float)] {
    ids.indices.filter { !excluding.contains($0) }.map { i -> (item: Int, score: Float) in
        let s = scorer.sequenceLogProb(input: input, sequence: ids[i])
        if let a = lengthPenalty { return (i, s / powf(Float(ids[i].count), a)) }
        return (i, s)
    }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
}
