// The `id-generator` trainer: supervised (item text → target ID string) training of IDGenRec's ID
// generator — to start a fresh generator from extractive targets (keyword/title IDs) when no pretrained
// weights exist, or to fine-tune one on any ID map. A thin layer over `Seq2SeqTrainer`: it turns texts and
// IDs into token pairs (inputs cut to `max_input_tokens` with EOS kept, as the reference truncates) and
// keeps the engine's schedule, clipping and AdamW. Textual IDs run it to pretrain a fresh generator.
// It is not a run `Trainer` (it trains a generator, not a recommender): the trainer stage refuses it when the
// experiment is validated, before any work.
//
// Legend: P training pairs, S input tokens, T target tokens.

public final class IDGeneratorTrainer {
    public struct Config: ComponentConfig, Equatable {
        /// epochs, max_steps, max_minutes. Few epochs by default: a fresh generator only has to learn to copy
        /// a few salient words (CPU budget; the paper starts from a pretrained tag generator instead).
        public var length = TrainingLength(epochs: 15)
        public var batchSize: Int = 32
        /// Higher than the recommender's 1e-3: a fresh tiny T5 on a short budget.
        public var learningRate: Float = 3e-3
        /// warmup_ratio, weight_decay, adam_epsilon, max_grad_norm.
        public var optimizer = OptimizerSettings()
        /// Item text tokens the generator reads (the rest is cut, EOS kept last).
        public var maxInputTokens: Int = 64
        /// Target ID tokens kept (EOS kept last).
        public var maxTargetTokens: Int = 16
        /// Report progress every this many steps.
        public var logEvery: Int = 10

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(batchSize >= 1, "batch_size", "must be ≥ 1, got \(batchSize)")
            c.require(learningRate > 0, "learning_rate", "must be > 0, got \(learningRate)")
            c.require(maxInputTokens >= 2, "max_input_tokens", "must be ≥ 2, got \(maxInputTokens)")
            c.require(maxTargetTokens >= 2, "max_target_tokens", "must be ≥ 2, got \(maxTargetTokens)")
            c.require(logEvery >= 1, "log_every", "must be ≥ 1, got \(logEvery)")
            return length.validate() + optimizer.validate() + c.problems
        }
    }

    public let config: Config
    /// The engine of the last `train` call (curve, steps done, seconds), for logs and CSV.
    public private(set) var engine: Seq2SeqTrainer?

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "id-generator")
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

    /// Training to a target instead of a fixed length: every `every` steps the generator decodes a seeded
    /// sample of `sample` items greedily, and training stops once `share` of them are their target exactly.
    public struct Convergence: Equatable {
        public var share: Double
        public var every: Int
        public var sample: Int
        public init(share: Double, every: Int, sample: Int) { self.share = share; self.every = every; self.sample = sample }
    }

    /// Trains `model` to emit `targets[i]` from `texts[i]`; deterministic for `seed`. With `convergence`, it
    /// stops when the generator reproduces its targets (the best-reproducing weights are kept).
    public func train(model: T5Model, texts: [String], targets: [String], tokenizer: TextTokenizer, seed: UInt64,
                      convergence: Convergence? = nil, progress: ProgressHandler? = nil) throws {
        var c = Seq2SeqTrainer.Config()
        c.length = config.length
        c.batchSize = config.batchSize
        c.learningRate = config.learningRate
        c.optimizer = config.optimizer
        c.cadence.logEvery = config.logEvery
        let all = pairs(texts: texts, targets: targets, tokenizer: tokenizer)
        var validate: ((any GenerativeModel) throws -> Double)? = nil
        if let convergence {
            c.cadence.evalEvery = max(convergence.every, 1)
            var rng = SplitMix64(seed: seed).derived("reproduction-sample")
            let sample = Array(all.shuffled(using: &rng).prefix(max(convergence.sample, 1)))
            validate = { _ in IDGeneratorTrainer.reproduced(sample, by: model) }
        }
        let trainer = Seq2SeqTrainer(config: c, phase: "id-generator")
        trainer.stopAtValidation = convergence?.share
        engine = trainer
        try trainer.train(model: model, pairs: all, seed: seed, validate: validate, progress: progress)
    }

    /// The share of `pairs` whose target the model writes exactly by greedy decoding (`</s>` included).
    public static func reproduced(_ pairs: [Seq2SeqPair], by model: T5Model) -> Double {
        guard !pairs.isEmpty else { return 0 }
        let longest = pairs.map(\.target.count).max() ?? 1
        let written = model.greedyDecode(inputs: pairs.map(\.source), maxTokens: longest)
        return Double(zip(written, pairs).filter { $0 == $1.target }.count) / Double(pairs.count)
    }
}
