// Model selection during training: decodes validation samples with the run's decoder and scores them with
// one metric (NDCG@10, the paper's model-selection metric, unless the run says otherwise). Built once by
// the host; trainers only call it. Errors propagate: a validation that cannot run stops the training.
//
// Legend: V validation samples.
public protocol ValidationScorer {
    /// The metric's name, for progress lines and curves ("ndcg@10").
    var metricName: String { get }
    /// The metric over `samples` [V] (laid out for `model`: `GenerativeModel.decodingSamples`) decoded by
    /// `model` against `trie`; higher is better.
    func score(_ model: any GenerativeModel, samples: [EvaluationSample], trie: Trie) throws -> Double
}
