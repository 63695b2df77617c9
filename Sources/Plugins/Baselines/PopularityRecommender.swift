// `popularity`: every user gets the items most often interacted with in training — the floor any
// personalized model must clear (RecBole's `Pop`). Ties go to the lower item index.
//
// Legend: N items.

public final class PopularityRecommender: SequentialRecommender {
    public struct Config: ComponentConfig, Equatable {
        /// Leave items of the history out of the list (a user rarely re-buys on Amazon). Off by default so all
        /// models, the generative ones included, are scored on the same unfiltered lists.
        public var excludeHistory: Bool = false

        public init() {}
        public init(excludeHistory: Bool = false) { self.excludeHistory = excludeHistory }
    }

    public let config: Config
    public private(set) var counts: [Int] = []     // [N] training interactions per item
    private var ranking: [Int] = []                  // all items, most popular first
    private var fitted = false

    public init(config: Config = Config()) { self.config = config }

    public func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64,
                    progress: ((RecommenderProgress) -> Void)?) throws {
        try Self.validate(trainingSequences, itemCount: itemCount)
        counts = Self.itemCounts(trainingSequences, itemCount: itemCount)
        ranking = Array(0..<itemCount).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        fitted = true
        progress?(RecommenderProgress(epoch: 1, epochs: 1, step: 0, loss: nil, samplesPerSecond: nil, elapsedSeconds: 0))
    }

    public func recommend(histories: [[Int]], k: Int) throws -> [[Int]] {
        guard fitted else { throw RecommenderError.notFitted("popularity") }
        return histories.map { history in
            guard config.excludeHistory else { return Array(ranking.prefix(k)) }
            let seen = Set(history)
            return Array(ranking.lazy.filter { !seen.contains($0) }.prefix(k))
        }
    }

    /// Interactions per item over all training sequences.
    public static func itemCounts(_ sequences: [[Int]], itemCount: Int) -> [Int] {
        var c = [Int](repeating: 0, count: itemCount)
        for s in sequences { for i in s { c[i] += 1 } }
        return c
    }
}
