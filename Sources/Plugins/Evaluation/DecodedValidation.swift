// The `ValidationScorer` of a run: validation samples decoded with the run's own decoder and evaluation
// settings, scored by one metric (NDCG@10 by default, the paper's model-selection metric).
//
// Legend: V validation samples.
public struct DecodedValidation: ValidationScorer {
    public let ranker: ItemRanker
    public let evaluation: Evaluator.Config
    public let metric: Metric
    public let metricName: String
    public let catalogSize: Int

    public init(ranker: ItemRanker, evaluation: Evaluator.Config, metric: Metric, metricName: String, catalogSize: Int) {
        self.ranker = ranker
        self.evaluation = evaluation
        self.metric = metric
        self.metricName = metricName
        self.catalogSize = catalogSize
    }

    public func score(_ model: any GenerativeModel, samples: [EvaluationSample], trie: Trie) throws -> Double {   // samples [V]
        let results = try Evaluator(config: evaluation).run(ranker, scorer: model, trie: trie, samples: samples)
        return Evaluator.measure(results, metrics: [metric], catalogSize: catalogSize)[0].value
    }
}
