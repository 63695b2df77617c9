// The `recommender` trainer: teacher-forced cross-entropy on (prompt → target item ID) pairs, the generator
// (if any) frozen — IDGenRec's recommender phase, and the whole training for every non-textual strategy.
// Validation decodes a seeded subset of validation users with the run's real decoder; the best NDCG@10 wins.
public struct RecommenderTrainer {
    public typealias Config = Seq2SeqTrainer.Config
    public let config: Config
    public init(config: Config) { self.config = config }

    public func makeTrainer() -> Seq2SeqTrainer { Seq2SeqTrainer(config: config, phase: "recommender") }
}
