// The `alternate` trainer's parameters (JSON keys in snake_case). Defaults follow the paper's structure —
// 3 rounds of 1 ID-generator epoch + 10 recommender epochs, ID phase first — with a generator learning rate
// that actually moves it. Reproduction switches for the released reference code: `Config.reference`
// (generator_learning_rate 1e-8, soft_weights "log_probs", mask_after_eos false).
extension AlternateTrainer {
    public enum Order: String, Codable, Equatable, Sendable {
        /// Each round: ID phase, regenerate IDs, recommender phase (the paper's default).
        case idFirst = "id_first"
        /// Each round: recommender phase, ID phase, regenerate IDs — except the last round, which stops after
        /// its recommender phase so that the recommender has been trained on the IDs it is evaluated with.
        case recFirst = "rec_first"
    }

    public struct Config: Codable, Equatable {
        public var rounds = 3
        public var order: Order = .idFirst
        /// Passes over the training prompts per ID-generator phase (fractions allowed).
        public var idEpochs: Double = 1
        /// Passes over the training pairs per recommender phase (fractions allowed).
        public var recEpochs: Double = 10
        /// AdamW learning rate of the ID generator. The reference uses 1e-8, which leaves it where it started.
        public var generatorLearningRate: Float = 1e-4
        public var recommenderLearningRate: Float = 1e-3
        /// Prompts per ID-phase step (every distinct history item of the batch is decoded once).
        public var idBatchSize = 16
        /// Pairs per recommender-phase step.
        public var batchSize = 32
        /// Longest generated ID in the soft path, `</s>` included.
        public var maxIDTokens = 10
        /// `probs` (default) or `log_probs` (reference) as the weights of the soft embedding.
        public var softWeights: SoftWeights = .probs
        /// Remove positions from `</s>` on from the spliced prompt (the reference keeps them).
        public var maskAfterEOS = true
        public var weightDecay: Float = 0.01
        public var adamEpsilon: Float = 1e-6
        public var maxGradNorm: Float = 1.0
        public var warmupRatio: Double = 0.05
        /// Wall-clock cap per phase in minutes (0 = none).
        public var maxMinutesPerPhase: Double = 0
        /// Recommender phases: validate every this many steps (0 = once per epoch) when a validation is given.
        public var evalEvery = 0
        /// Recommender phases: early stopping patience in validations (0 = never).
        public var patience = 0
        public var logEvery = 10
        /// Prompts (the first this many) on which each ID phase's soft-prompt loss is measured before and
        /// after, without gradients (0 = do not measure; it costs about a third of a training pass over them).
        public var idPhaseEvalSamples = 256
        /// Recommender phases: a resumable checkpoint every this many steps (0 = at phase ends only). Every
        /// phase end is a checkpoint too (both models, the IDs in force, the curves).
        public var checkpointEvery = 200

        public init() {}

        /// The released reference's behaviour, for reproduction.
        public static var reference: Config {
            var c = Config()
            c.generatorLearningRate = 1e-8
            c.softWeights = .logProbs
            c.maskAfterEOS = false
            return c
        }

        /// The same structure fitted to a budget of `epochs` recommender epochs in total over all rounds:
        /// per-phase epochs scaled together, keeping the ID : recommender ratio (1 : 10 by default).
        public func scaled(toRecommenderEpochs epochs: Double) -> Config {
            var c = self
            let total = recEpochs * Double(rounds)
            guard total > 0, epochs > 0 else { return c }
            let f = epochs / total
            c.recEpochs = recEpochs * f
            c.idEpochs = idEpochs * f
            return c
        }

        /// The recommender phase as an ordinary sequence-to-sequence training.
        public var recommenderPhase: Seq2SeqTrainer.Config {
            var c = Seq2SeqTrainer.Config()
            c.epochs = recEpochs
            c.batchSize = batchSize
            c.learningRate = recommenderLearningRate
            c.warmupRatio = warmupRatio
            c.weightDecay = weightDecay
            c.adamEpsilon = adamEpsilon
            c.maxGradNorm = maxGradNorm
            c.maxMinutes = maxMinutesPerPhase
            c.evalEvery = evalEvery
            c.patience = patience
            c.logEvery = logEvery
            c.checkpointEvery = checkpointEvery
            return c
        }

        enum CodingKeys: String, CodingKey {
            case rounds, order, idEpochs = "id_epochs", recEpochs = "rec_epochs"
            case generatorLearningRate = "generator_learning_rate", recommenderLearningRate = "recommender_learning_rate"
            case idBatchSize = "id_batch_size", batchSize = "batch_size", maxIDTokens = "max_id_tokens"
            case softWeights = "soft_weights", maskAfterEOS = "mask_after_eos", weightDecay = "weight_decay"
            case adamEpsilon = "adam_epsilon", maxGradNorm = "max_grad_norm", warmupRatio = "warmup_ratio"
            case maxMinutesPerPhase = "max_minutes_per_phase", evalEvery = "eval_every", patience, logEvery = "log_every"
            case idPhaseEvalSamples = "id_phase_eval_samples", checkpointEvery = "checkpoint_every"
        }
    }
}
