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

    public struct Config: ComponentConfig, Equatable {
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
        /// warmup_ratio, weight_decay, adam_epsilon, max_grad_norm (both models' optimizers).
        public var optimizer = OptimizerSettings()
        /// Wall-clock cap per phase in minutes (0 = none).
        public var maxMinutesPerPhase: Double = 0
        /// Wall-clock cap on the whole run in minutes, all phases together (0 = none). A minutes budget sets it.
        public var maxMinutes: Double = 0
        /// Recommender steps over the whole run, split evenly over the recommender phases (0 = none). A steps
        /// budget sets it.
        public var maxSteps = 0
        /// Recommender phases: eval_every (0 = once per epoch), patience (0 = never stop early), log_every,
        /// checkpoint_every (0 = at phase ends only; every phase end is a checkpoint too: both models, the
        /// IDs in force, the curves).
        public var cadence = TrainingCadence()
        /// Prompts (a seeded random sample of this many) on which each ID phase's soft-prompt loss is measured before and
        /// after, without gradients (0 = do not measure; it costs about a third of a training pass over them).
        public var idPhaseEvalSamples = 256

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
            c.length = TrainingLength(epochs: recEpochs)
            c.length.maxMinutes = maxMinutesPerPhase
            if maxSteps > 0 { c.length.maxSteps = max(1, maxSteps / max(recommenderPhaseCount, 1)) }
            c.batchSize = batchSize
            c.learningRate = recommenderLearningRate
            c.optimizer = optimizer
            c.cadence = cadence
            return c
        }

        /// How many recommender phases the schedule has.
        public var recommenderPhaseCount: Int { max(rounds, 1) }

        /// This schedule within the experiment's budget: epochs scale every phase (`scaled`), steps cap the
        /// recommender steps of the whole run, minutes the whole run's wall time.
        public func limited(by budget: Budget) -> Config {
            var c = budget.epochs.map { scaled(toRecommenderEpochs: Double($0)) } ?? self
            if let steps = budget.steps { c.maxSteps = steps }
            if let minutes = budget.minutes { c.maxMinutes = minutes }
            return c
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(rounds >= 1, "rounds", "must be ≥ 1, got \(rounds)")
            c.require(idEpochs > 0, "id_epochs", "must be > 0, got \(idEpochs)")
            c.require(recEpochs > 0, "rec_epochs", "must be > 0, got \(recEpochs)")
            c.require(generatorLearningRate > 0, "generator_learning_rate", "must be > 0, got \(generatorLearningRate)")
            c.require(recommenderLearningRate > 0, "recommender_learning_rate", "must be > 0, got \(recommenderLearningRate)")
            c.require(idBatchSize >= 1, "id_batch_size", "must be ≥ 1, got \(idBatchSize)")
            c.require(batchSize >= 1, "batch_size", "must be ≥ 1, got \(batchSize)")
            c.require(maxIDTokens >= 2, "max_id_tokens", "must be ≥ 2, got \(maxIDTokens)")
            c.require(maxMinutesPerPhase >= 0, "max_minutes_per_phase", "must be ≥ 0 (0 = none), got \(maxMinutesPerPhase)")
            c.require(maxMinutes >= 0, "max_minutes", "must be ≥ 0 (0 = none), got \(maxMinutes)")
            c.require(maxSteps >= 0, "max_steps", "must be ≥ 0 (0 = none), got \(maxSteps)")
            c.require(idPhaseEvalSamples >= 0, "id_phase_eval_samples", "must be ≥ 0 (0 = do not measure), got \(idPhaseEvalSamples)")
            return c.problems + optimizer.validate() + cadence.validate()
        }
    }
}
