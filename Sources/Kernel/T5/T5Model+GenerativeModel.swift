// The T5 as a run's recommender: it trains on the run's prompt pairs as they are (prompt → target item ID),
// decodes from the prompt tokens, and each training step runs as two shards, one per core.
import Foundation

extension T5Model: GenerativeModel {
    public var vocabularySize: Int { config.vocabSize }

    public var summary: String {
        "T5 d_model \(config.dModel), \(config.numLayers)+\(config.numDecoderLayers) layers, vocabulary \(config.vocabSize), \(parameters.reduce(0) { $0 + $1.count }) parameters"
    }

    public func makeTrainingStep(labelSmoothing: Float) -> ([Seq2SeqPair]) -> Float {
        let sharded = T5ShardedTraining(model: self)
        return { [unowned self] pairs in
            let batch = T5Batch.make(sources: pairs.map(\.source), targets: pairs.map(\.target),
                                     padID: config.padTokenID, startID: config.decoderStartTokenID)
            return sharded.lossAndGradients(batch, labelSmoothing: labelSmoothing)
        }
    }

    public func cost(_ pair: Seq2SeqPair) -> Int { pair.source.count }

    public func trainingPairs(_ run: PreparedRun) -> [Seq2SeqPair] { run.trainPairs }

    public func decodingSamples(_ samples: [EvaluationSample], itemTokens: [[Int]]) -> [EvaluationSample] { samples }

    public func save(to directory: URL) throws { try save(directory: directory) }
}
