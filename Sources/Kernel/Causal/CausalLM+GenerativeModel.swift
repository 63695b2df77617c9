// The causal model as a run's recommender: it trains on windows of each user's training sequence written as
// item-ID tokens (`CausalLayout`: every item of a window after its context is scored in one pass) and decodes
// from the history's ID tokens. As a `Seq2SeqScorer` its decoder start is EOS: the decoding input's closing
// EOS is held back from the prefix and fed as the first step, so the first generated token is predicted from
// the position after an ID's EOS — where training scored every next ID's first token.
import Foundation

extension CausalLM: GenerativeModel {
    public var vocabularySize: Int { config.vocabSize }

    public var summary: String {
        "causal (Llama-style) hidden \(config.hiddenSize), \(config.numHiddenLayers) layers, vocabulary \(config.vocabSize), \(parameters.reduce(0) { $0 + $1.count }) parameters"
    }

    public var supportsConcurrentDecoding: Bool { true }
    // A HF checkpoint may leave a token unnamed: then the project's tokenizer conventions (pad 0, EOS 1).
    public var decoderStartID: Int { eosID }
    public var eosID: Int { config.eosTokenID ?? 1 }
    public var padID: Int { config.padTokenID ?? 0 }
    /// The token every sequence starts with.
    var startToken: Int { config.bosTokenID ?? padID }

    public func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder {
        beginDecoding(prefixes: inputs.map { $0.count > 1 && $0.last == eosID ? Array($0.dropLast()) : $0 })
    }

    public func makeTrainingStep(labelSmoothing: Float) -> ([Seq2SeqPair]) -> Float {
        let sharded = CausalShardedTraining(model: self, labelSmoothing: labelSmoothing)
        return { sharded.lossAndGradients($0) }
    }

    public func cost(_ pair: Seq2SeqPair) -> Int { pair.source.count + pair.target.count }

    public func trainingPairs(_ run: PreparedRun) -> [Seq2SeqPair] {
        CausalLayout(startToken: startToken, window: CausalLayout.window(for: run.split))
            .pairs(trainingSequences: run.split.trainingSequences, itemTokens: run.itemTokens)
    }

    public func decodingSamples(_ samples: [EvaluationSample], itemTokens: [[Int]]) -> [EvaluationSample] {
        let layout = CausalLayout(startToken: startToken, window: 2)
        return samples.map { s in
            var laid = s
            laid.input = layout.input(history: s.history, itemTokens: itemTokens)
            return laid
        }
    }
}
