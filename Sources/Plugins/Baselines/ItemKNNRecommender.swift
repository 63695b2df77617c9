// `item-kNN`: item-to-item collaborative filtering for next-item prediction. Two items are similar when the
// same users interact with both (cosine over co-occurrence counts with a shrinkage term, as RecBole's
// ItemKNN, Sarwar et al. 2001); a history's candidates are the neighbours of its last few items, each item's
// vote weighted by recency (the newest counts 1, the one before `recency_decay`, …) — the "sequence-aware
// item-kNN" of Ludewig & Jannach 2018. Items without a vote fill the list in popularity order.
//
//   sim(i, j) = c(i, j) / (√(n_i · n_j) + shrink)     c: co-occurrences within `window` positions of a user
//   score(j | h) = Σ_{a < recent_items} decay^a · sim(h_{last−a}, j)
//
// Legend: N items, M neighbours kept per item.

import Foundation

public final class ItemKNNRecommender: SequentialRecommender {
    public struct Config: ComponentConfig, Equatable {
        /// Neighbours kept per item (the most similar M).
        public var neighbors: Int = 100
        /// How many of the most recent history items vote.
        public var recentItems: Int = 3
        /// Weight of each older vote relative to the next newer one (1 = no recency weighting).
        public var recencyDecay: Double = 0.5
        /// Two items co-occur when at most this many positions apart in a user's sequence; 0 = anywhere.
        public var window: Int = 0
        /// Shrinkage added to the cosine denominator: damps similarities resting on few users.
        public var shrink: Double = 10
        /// Leave items of the history out of the list. Off by default (same unfiltered lists for all models).
        public var excludeHistory: Bool = false

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(neighbors >= 1, "neighbors", "must be ≥ 1, got \(neighbors)")
            c.require(recentItems >= 1, "recent_items", "must be ≥ 1, got \(recentItems)")
            c.require(window >= 0, "window", "must be ≥ 0 (0 = anywhere), got \(window)")
            c.require(shrink >= 0, "shrink", "must be ≥ 0, got \(shrink)")
            return c.problems
        }
    }

    public let config: Config
    /// [N] per item, its M most similar items, most similar first.
    public private(set) var neighbors: [[(item: Int, similarity: Double)]] = []
    private var popularity = PopularityRecommender()
    private var fitted = false

    public init(config: Config = Config()) { self.config = config }

    public func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64,
                    progress: ((RecommenderProgress) -> Void)?) throws {
        let start = Date()
        _ = try config.checked(by: "item-knn")
        try Self.validate(trainingSequences, itemCount: itemCount)
        try popularity.fit(trainingSequences: trainingSequences, itemCount: itemCount, seed: seed)
        let n = popularity.counts.map(Double.init)
        var co = [[Int: Double]](repeating: [:], count: itemCount)
        for s in trainingSequences {
            for a in 0..<s.count {
                let end = config.window > 0 ? min(s.count, a + config.window + 1) : s.count
                for b in (a + 1)..<max(end, a + 1) where s[a] != s[b] {
                    co[s[a]][s[b], default: 0] += 1
                    co[s[b]][s[a], default: 0] += 1
                }
            }
        }
        neighbors = co.enumerated().map { i, row in
            let scored = row.map { j, c in (item: j, similarity: c / ((n[i] * n[j]).squareRoot() + config.shrink)) }
            return Array(scored.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.item < $1.item }
                .prefix(config.neighbors))
        }
        fitted = true
        progress?(RecommenderProgress(epoch: 1, epochs: 1, step: 0, loss: nil, samplesPerSecond: nil,
                                      elapsedSeconds: Date().timeIntervalSince(start)))
    }

    public func recommend(histories: [[Int]], k: Int) throws -> [[Int]] {
        guard fitted else { throw RecommenderError.notFitted("item-knn") }
        let fallback = try popularity.recommend(histories: [[]], k: neighbors.count)[0]
        return histories.map { history in
            var votes: [Int: Double] = [:]
            var weight = 1.0
            for h in history.reversed().prefix(config.recentItems) {
                if h >= 0 && h < neighbors.count {
                    for (j, s) in neighbors[h] { votes[j, default: 0] += weight * s }
                }
                weight *= config.recencyDecay
            }
            var taken = config.excludeHistory ? Set(history) : []
            let voted = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var out: [Int] = []
            for (j, _) in voted {
                if out.count == k { break }
                if taken.insert(j).inserted { out.append(j) }
            }
            for j in fallback {
                if out.count == k { break }
                if taken.insert(j).inserted { out.append(j) }
            }
            return out
        }
    }
}
