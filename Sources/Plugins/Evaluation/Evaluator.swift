// Evaluation over ALL test (or validation) users — not a sample, as the CPU protocol demands — in batches
// (one `beginDecoding` per batch, so the decoder's batching across users is what runs), with a progress
// callback for the CLI's bar, then the configured metrics over the per-user results.
//
// Legend: U users, b batch size.
public struct Evaluator {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Users decoded together (b).
        public var batchSize = 32
        /// Never recommend items the user has already seen. Off by default as in the reference (on Yelp,
        /// 2,027 test targets are in the user's own history, so excluding changes the numbers).
        public var excludeHistory = false

        public init() {}
        public init(batchSize: Int = 32, excludeHistory: Bool = false) {
            self.batchSize = batchSize
            self.excludeHistory = excludeHistory
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(batchSize >= 1, "batch_size", "must be ≥ 1, got \(batchSize)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "evaluation")
    }

    /// Decodes every sample, `batchSize` at a time, reporting `(done, total)` after each batch. Batches are
    /// formed in order of prompt length, so a batch pads its prompts little (the encoder's work is the
    /// longest prompt's). An input's items do not depend on its batch (its scores only up to rounding:
    /// OpenBLAS picks kernels by matrix size), and results come back in the samples' order.
    public func run(_ ranker: ItemRanker, scorer: Seq2SeqScorer, trie: Trie, samples: [EvaluationSample],
                    progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> [PerUserResult] {   // [U]
        let order = samples.indices.sorted { (samples[$0].input.count, $0) < (samples[$1].input.count, $1) }
        var rows = [PerUserResult?](repeating: nil, count: samples.count)
        var start = 0
        while start < order.count {
            let batch = order[start ..< min(start + config.batchSize, order.count)].map { ($0, samples[$0]) }
            let ranked = ranker.rank(scorer, trie: trie, inputs: batch.map { $0.1.input },
                                     exclusions: config.excludeHistory ? batch.map { $0.1.history } : nil)
            for ((i, sample), r) in zip(batch, ranked) {
                rows[i] = PerUserResult(user: sample.user, target: sample.target,
                                        rank: r.items.firstIndex(of: sample.target).map { $0 + 1 },
                                        items: r.items, scores: r.scores, exhausted: r.exhausted)
            }
            start += batch.count
            progress?(start, samples.count)
        }
        return rows.map { $0! }
    }

    /// Every metric's overall value over `results`, in the order given (the order of metrics.json).
    public static func measure(_ results: [PerUserResult], metrics: [Metric],
                               catalogSize: Int) -> [(name: String, value: Double)] {
        let ranked = results.map { $0.items }, targets = results.map { $0.target }
        return metrics.map { ($0.name, $0.aggregate(ranked: ranked, targets: targets, catalogSize: catalogSize)) }
    }
}
