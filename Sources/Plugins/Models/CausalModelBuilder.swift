// The `causal` model component: a decoder-only recommender (Llama-style: RMS norm, rotary positions, SwiGLU;
// saved as a HF LlamaForCausalLM checkpoint). It reads a user's items as one sequence of ID tokens and learns
// every next item of a window in one pass — SASRec's sample efficiency with generative IDs. Every item-ID
// strategy works with it; alternate training (soft IDs through an encoder) needs `t5`.
import Foundation

public struct CausalModelBuilder: Seq2SeqModelBuilder, DeclaresCapabilities {
    public struct Config: ComponentConfig, Equatable {
        /// Shape preset: causal-tiny (same width and depth as T5 cpu-tiny), causal-small (as cpu-small). The
        /// T5 names cpu-tiny and cpu-small mean the same shapes, so `--vary model=t5,causal` compares equals.
        public var preset = "causal-tiny"
        /// A HF Llama checkpoint folder to start from instead of random weights.
        public var checkpoint = ""
        /// Dropout on embeddings and residual branches in training.
        public var dropoutRate = 0.1
        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            let known = CausalLMConfig.presetNames + CausalModelBuilder.t5Shapes.keys.sorted()
            c.require(known.contains(preset), "preset", "unknown preset '\(preset)'; " + ClosestName.advice(for: preset, among: known))
            c.require((0..<1).contains(dropoutRate), "dropout_rate", "must be in [0, 1), got \(dropoutRate)")
            return c.problems
        }
    }

    /// The T5 presets' names for the causal presets of the same width and depth.
    static let t5Shapes = ["cpu-tiny": "causal-tiny", "cpu-small": "causal-small"]

    public static var provides: Set<Capability> { [.seq2seqScorer] }
    public static var requires: [ComponentRequirement] { [] }

    public let config: Config
    public init(config: Config) throws {
        self.config = try config.checked(by: "causal")
    }

    public func makeModel(vocabularySize: Int, padID: Int, eosID: Int, seed: UInt64) throws -> any GenerativeModel {
        if !config.checkpoint.isEmpty {
            let model = try CausalLM.load(directory: URL(fileURLWithPath: config.checkpoint))
            model.resizeVocabulary(to: vocabularySize, seed: seed)
            return model
        }
        var c = try CausalLMConfig.preset(Self.t5Shapes[config.preset] ?? config.preset)
        c.vocabSize = vocabularySize
        c.padTokenID = padID
        c.bosTokenID = padID
        c.eosTokenID = eosID
        c.dropout = config.dropoutRate
        return CausalLM(config: c, seed: seed)
    }
}
