// The `t5` model component: a T5 of a preset shape (`cpu-tiny`, `cpu-small`, `t5-small`) sized to the shared
// vocabulary, or a HF checkpoint folder (config.json + model.safetensors), whose vocabulary grows to fit
// tokens the ID strategy added.
import Foundation

public struct T5ModelBuilder: Seq2SeqModelBuilder, DeclaresCapabilities {
    public struct Config: ComponentConfig, Equatable {
        /// Shape preset: cpu-tiny (tests, demo), cpu-small (CPU runs), t5-small (HF's shape).
        public var preset = "cpu-tiny"
        /// A HF checkpoint folder to start from instead of random weights.
        public var checkpoint = ""
        /// Dropout in training (T5's default 0.1).
        public var dropoutRate = 0.1
        public init() {}
    }

    public static var provides: Set<Capability> { [.seq2seqScorer] }
    public static var requires: [ComponentRequirement] { [] }

    public let config: Config
    public init(config: Config) throws {
        guard T5Config.presetNames.contains(config.preset) else {
            throw ParameterValueError(component: "t5", key: "preset",
                                       advice: "unknown preset '\(config.preset)'; " + ClosestName.advice(for: config.preset, among: T5Config.presetNames))
        }
        guard (0..<1).contains(config.dropoutRate) else {
            throw ParameterValueError(component: "t5", key: "dropout_rate", advice: "must be in [0, 1), got \(config.dropoutRate)")
        }
        self.config = config
    }

    public func makeModel(vocabularySize: Int, padID: Int, eosID: Int, seed: UInt64) throws -> T5Model {
        if !config.checkpoint.isEmpty {
            let model = try T5Model.load(directory: URL(fileURLWithPath: config.checkpoint))
            model.resizeVocabulary(to: vocabularySize, seed: seed)
            return model
        }
        var c = try T5Config.preset(config.preset)
        c.vocabSize = vocabularySize
        c.padTokenID = padID
        c.decoderStartTokenID = padID
        c.eosTokenID = eosID
        c.dropoutRate = Float(config.dropoutRate)
        return T5Model(config: c, seed: seed)
    }
}
