// `markov`: a first-order Markov chain over items — rank what most often followed the history's last item in
// training (FPMC's transition part without the factorization, Rendle et al. 2010). Items the chain does not
// reach fill the list in popularity order (back-off), so every list has k items.
//
// Legend: N items.

public final class MarkovRecommender: SequentialRecommender {
    public struct Config: ComponentConfig, Equatable {
        /// Leave items of the history out of the list. Off by default (same unfiltered lists for all models).
        public var excludeHistory: Bool = false

        public init() {}
        public init(excludeHistory: Bool = false) { self.excludeHistory = excludeHistory }
    }

    public let config: Config
    /// [N] per item, its successors in training, most frequent first (ties: more popular, then lower index).
    public private(set) var successors: [[(item: Int, count: Int)]] = []
    private var popularity = PopularityRecommender()
    private var fitted = false

    public init(config: Config = Config()) { self.config = config }

    public func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64,
                    progress: ((RecommenderProgress) -> Void)?) throws {
        try Self.validate(trainingSequences, itemCount: itemCount)
        try popularity.fit(trainingSequences: trainingSequences, itemCount: itemCount, seed: seed)
        var table = [[Int: Int]](repeating: [:], count: itemCount)
        for s in trainingSequences where s.count >= 2 {
            for t in 1..<s.count { table[s[t - 1]][s[t], default: 0] += 1 }
        }
        let pop = popularity.counts
        successors = table.map { row in
            row.map { (item: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : pop[$0.item] != pop[$1.item] ? pop[$0.item] > pop[$1.item] : $0.item < $1.item
            }
        }
        fitted = true
        progress?(RecommenderProgress(epoch: 1, epochs: 1, step: 0, loss: nil, samplesPerSecond: nil, elapsedSeconds: 0))
    }

    public func recommend(histories: [[Int]], k: Int) throws -> [[Int]] {
        guard fitted else { throw RecommenderError.notFitted("markov") }
        let n = successors.count
        // Back-off list long enough to fill any list after removing chain items and (optionally) the history.
        let fallback = try popularity.recommend(histories: [[]], k: n)[0]
        return histories.map { history in
            var out: [Int] = []
            var taken = config.excludeHistory ? Set(history) : []
            if let last = history.last, last >= 0, last < n {
                for s in successors[last] {
                    if out.count == k { break }
                    if taken.insert(s.item).inserted { out.append(s.item) }
                }
            }
            for item in fallback {
                if out.count == k { break }
                if taken.insert(item).inserted { out.append(item) }
            }
            return out
        }
    }
}
