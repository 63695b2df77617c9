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

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(T5Config.presetNames.contains(preset), "preset",
                      "unknown preset '\(preset)'; " + ClosestName.advice(for: preset, among: T5Config.presetNames))
            c.require((0..<1).contains(dropoutRate), "dropout_rate", "must be in [0, 1), got \(dropoutRate)")
            return c.problems
        }
    }

    public static var provides: Set<Capability> { [.seq2seqScorer, .encoderPrompts] }
    public static var requires: [ComponentRequirement] { [] }

    public let config: Config
    public init(config: Config) throws {
        self.config = try config.checked(by: "t5")
    }

    public func makeModel(vocabularySize: Int, padID: Int, eosID: Int, seed: UInt64) throws -> any GenerativeModel {
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
