// The `id-generator` trainer: supervised (item text → target ID string) training of IDGenRec's ID
// generator — to start a fresh generator from extractive targets (keyword/title IDs) when no pretrained
// weights exist, or to fine-tune one on any ID map. A thin layer over `Seq2SeqTrainer`: it turns texts and
// IDs into token pairs (inputs cut to `max_input_tokens` with EOS kept, as the reference truncates) and
// keeps the engine's schedule, clipping and AdamW.
//
// Legend: P training pairs, S input tokens, T target tokens.

public final class IDGeneratorTrainer {
    public struct Config: ComponentConfig, Equatable {
        /// Passes over the (text, ID) pairs. Small by default: a fresh generator only has to learn to copy a
        /// few salient words (CPU budget; the paper starts from a pretrained tag generator instead): 945 steps
        /// on the 2000-item synthetic catalog.
        public var epochs: Double = 15
        /// Stop after this many optimizer steps (0 = no step budget).
        public var maxSteps: Int = 0
        /// Stop after this much wall-clock time (0 = no time budget).
        public var maxMinutes: Double = 0
        public var batchSize: Int = 32
        /// Higher than the recommender's 1e-3: a fresh tiny T5 on a short budget.
        public var learningRate: Float = 3e-3
        public var warmupRatio: Double = 0.05
        public var weightDecay: Float = 0.01
        /// Item text tokens the generator reads (the rest is cut, EOS kept last).
        public var maxInputTokens: Int = 64
        /// Target ID tokens kept (EOS kept last).
        public var maxTargetTokens: Int = 16
        public var logEvery: Int = 10

        public init() {}

        enum CodingKeys: String, CodingKey {
            case epochs, maxSteps = "max_steps", maxMinutes = "max_minutes", batchSize = "batch_size"
            case learningRate = "learning_rate", warmupRatio = "warmup_ratio", weightDecay = "weight_decay"
            case maxInputTokens = "max_input_tokens", maxTargetTokens = "max_target_tokens", logEvery = "log_every"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self), d = Config()
            epochs = try c.decodeIfPresent(Double.self, forKey: .epochs) ?? d.epochs
            maxSteps = try c.decodeIfPresent(Int.self, forKey: .maxSteps) ?? d.maxSteps
            maxMinutes = try c.decodeIfPresent(Double.self, forKey: .maxMinutes) ?? d.maxMinutes
            batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
            learningRate = try c.decodeIfPresent(Float.self, forKey: .learningRate) ?? d.learningRate
            warmupRatio = try c.decodeIfPresent(Double.self, forKey: .warmupRatio) ?? d.warmupRatio
            weightDecay = try c.decodeIfPresent(Float.self, forKey: .weightDecay) ?? d.weightDecay
            maxInputTokens = try c.decodeIfPresent(Int.self, forKey: .maxInputTokens) ?? d.maxInputTokens
            maxTargetTokens = try c.decodeIfPresent(Int.self, forKey: .maxTargetTokens) ?? d.maxTargetTokens
            logEvery = try c.decodeIfPresent(Int.self, forKey: .logEvery) ?? d.logEvery
        }
    }

    public let config: Config
    /// The engine of the last `train` call (curve, steps done, seconds), for logs and CSV.
    public private(set) var engine: Seq2SeqTrainer?

    public init(config: Config = Config()) throws {
        func bad(_ key: String, _ advice: String) -> ParameterValueError {
            ParameterValueError(component: "id-generator", key: key, advice: advice)
        }
        guard config.epochs > 0 || config.maxSteps > 0 else { throw bad("epochs", "must be > 0 (or set max_steps)") }
        guard config.batchSize >= 1 else { throw bad("batch_size", "must be ≥ 1, got \(config.batchSize)") }
        guard config.learningRate > 0 else { throw bad("learning_rate", "must be > 0, got \(config.learningRate)") }
        guard config.maxInputTokens >= 2 else { throw bad("max_input_tokens", "must be ≥ 2, got \(config.maxInputTokens)") }
        guard config.maxTargetTokens >= 2 else { throw bad("max_target_tokens", "must be ≥ 2, got \(config.maxTargetTokens)") }
        self.config = config
    }

    /// (text → ID) token pairs; pairs whose ID has no tokens besides EOS are dropped (nothing to learn).
    public func pairs(texts: [String], targets: [String], tokenizer: TextTokenizer) -> [Seq2SeqPair] {   // [P]
        func cut(_ ids: [Int], _ limit: Int) -> [Int] {
            ids.count <= limit ? ids : Array(ids.prefix(limit - 1)) + [tokenizer.eosID]
        }
        return zip(texts, targets).compactMap { text, target in
            let t = cut(tokenizer.encode(target, addEOS: true), config.maxTargetTokens)   // [T]
            guard t.count > 1 else { return nil }
            return Seq2SeqPair(source: cut(tokenizer.encode(text, addEOS: true), config.maxInputTokens), target: t)
        }
    }

    /// Trains `model` to emit `targets[i]` from `texts[i]`; deterministic for `seed`.
    public func train(model: T5Model, texts: [String], targets: [String], tokenizer: TextTokenizer, seed: UInt64,
                      progress: ProgressHandler? = nil) throws {
        var c = Seq2SeqTrainer.Config()
        c.epochs = config.epochs
        c.maxSteps = config.maxSteps
        c.maxMinutes = config.maxMinutes
        c.batchSize = config.batchSize
        c.learningRate = config.learningRate
        c.warmupRatio = config.warmupRatio
        c.weightDecay = config.weightDecay
        c.logEvery = config.logEvery
        let trainer = Seq2SeqTrainer(config: c, phase: "id-generator")
        engine = trainer
        try trainer.train(model: model, pairs: pairs(texts: texts, targets: targets, tokenizer: tokenizer),
                          seed: seed, progress: progress)
    }
}
