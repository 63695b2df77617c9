// Where the textual strategy's ID generator comes from: an HF checkpoint, or a fresh T5 pretrained on
// extractive IDs (the paper starts from a pretrained tag generator; without one, a short pretraining done by
// the `id-generator` trainer). The targets are the `keyword`/`title` strategies' own unique IDs for the same
// catalog, so the generator starts out writing short, distinctive, real words of the item.
import Foundation

extension TextualIDs {
    /// The generator and a one-line account of where it came from (for the report card).
    func makeGenerator(_ input: ItemIDInput, tokenizer: TextTokenizer) throws -> (T5Model, String) {
        if let path = config.generatorCheckpoint {
            return (try loadGenerator(path, tokenizer: tokenizer), "checkpoint \(path)")
        }
        var shape = try freshShape ?? T5Config.preset(config.preset)
        shape.vocabSize = tokenizer.vocabularySize
        shape.padTokenID = tokenizer.padID
        shape.decoderStartTokenID = tokenizer.padID      // T5: decoding starts from the pad token
        shape.eosTokenID = tokenizer.eosID
        var seeds = SplitMix64(seed: input.seed).derived("textual-generator")
        let model = T5Model(config: shape, seed: seeds.next())
        let targets = try extractiveTargets(input)
        var trainerConfig = IDGeneratorTrainer.Config()
        var convergence: IDGeneratorTrainer.Convergence? = nil
        if let epochs = config.pretrainEpochs {
            trainerConfig.length = TrainingLength(epochs: epochs)
        } else {
            trainerConfig.length = TrainingLength(epochs: Double(config.pretrainMaxSteps))   // an epoch has ≥ 1 step
            trainerConfig.length.maxSteps = config.pretrainMaxSteps
            if config.pretrainTargetMatch > 0 {
                convergence = .init(share: config.pretrainTargetMatch, every: config.pretrainCheckEvery, sample: config.pretrainCheckItems)
            }
        }
        trainerConfig.learningRate = config.pretrainLearningRate
        trainerConfig.batchSize = config.pretrainBatchSize
        trainerConfig.maxInputTokens = config.maxInputTokens
        let trainer = try IDGeneratorTrainer(config: trainerConfig)
        try trainer.train(model: model, texts: input.catalog.map(\.text), targets: targets, tokenizer: tokenizer,
                          seed: seeds.next(), convergence: convergence, progress: input.progress)
        let engine = trainer.engine!
        pretrainCurveCSV = engine.curveCSV
        let first = engine.curve.first.map { String(format: "%.3f", $0.loss) } ?? "-"
        let last = engine.curve.last.map { String(format: "%.3f", $0.loss) } ?? "-"
        let name = freshShape == nil ? config.preset : "custom shape"
        var sized = "\(engine.stepsDone) steps"
        if let convergence, let share = engine.bestValidation {
            sized += String(format: " (reproduces %.0f%% of its targets; ", share * 100)
                + (share >= convergence.share ? String(format: "stopped at ≥ %.0f%%)", convergence.share * 100) : "the \(config.pretrainMaxSteps)-step cap)")
        }
        return (model, "fresh \(name) T5 pretrained on '\(config.pretrainTarget)' IDs: \(sized), "
                    + "loss \(first) → \(last), \(String(format: "%.1f", engine.trainingSeconds)) s")
    }

    /// The extractive IDs a fresh generator learns to write (unique, words of the item's text).
    func extractiveTargets(_ input: ItemIDInput) throws -> [String] {
        switch config.pretrainTarget {
        case "title": return try TitleIDs().assign(input).ids
        default: return try KeywordIDs().assign(input).ids
        }
    }

    /// An HF T5 folder sharing the tokenizer's special ids; its vocabulary grows to the tokenizer's if smaller.
    func loadGenerator(_ path: String, tokenizer: TextTokenizer) throws -> T5Model {
        let model = try T5Model.load(directory: URL(fileURLWithPath: path))
        guard model.config.eosTokenID == tokenizer.eosID, model.config.padTokenID == tokenizer.padID else {
            throw ItemIDError.invalidConfig(strategy: "textual", key: "generator_checkpoint", problem:
                "'\(path)' uses pad/eos ids \(model.config.padTokenID)/\(model.config.eosTokenID) but the tokenizer has "
                + "\(tokenizer.padID)/\(tokenizer.eosID): the generator must share the recommender's tokenizer")
        }
        if model.config.vocabSize < tokenizer.vocabularySize {
            model.resizeVocabulary(to: tokenizer.vocabularySize, seed: 0)
        }
        return model
    }
}
