// Supervised sequence-to-sequence training of a generative model (the T5, or the causal model) on (source tokens → target tokens) pairs: the engine of
// the `recommender` trainer (prompt → target item ID) and the `id-generator` trainer (item text → ID).
// As the IDGenRec reference: AdamW (weight decay 0.01, eps 1e-6) — but no decay on layer norms, which the
// reference's filter intended and never matched —, linear warm-up over 5% then linear decay, clipping 1.0
// (`OptimizerSettings`). How long it runs is `TrainingLength`, which the experiment's budget overrides.
// Batches are bucketed by source length (shuffled chunks sorted by length) so padding stays small.
// Legend: P training pairs, B batch.
import Foundation

public final class Seq2SeqTrainer {
    public struct Config: ComponentConfig, Equatable {
        /// epochs (10), max_steps, max_minutes — the experiment's budget overrides them.
        public var length = TrainingLength(epochs: 10)
        public var batchSize: Int = 32
        public var learningRate: Float = 1e-3
        /// warmup_ratio, weight_decay, adam_epsilon, max_grad_norm.
        public var optimizer = OptimizerSettings()
        public var labelSmoothing: Float = 0
        /// eval_every, patience, log_every, checkpoint_every.
        public var cadence = TrainingCadence()
        /// Validation samples decoded at each validation (a seeded subset; 0 = no validation).
        public var validationSamples: Int = 300

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(batchSize >= 1, "batch_size", "must be ≥ 1, got \(batchSize)")
            c.require(learningRate > 0, "learning_rate", "must be > 0, got \(learningRate)")
            c.require((0..<1).contains(labelSmoothing), "label_smoothing", "must be in [0, 1), got \(labelSmoothing)")
            c.require(validationSamples >= 0, "validation_samples", "must be ≥ 0 (0 = no validation), got \(validationSamples)")
            return length.validate() + optimizer.validate() + cadence.validate() + c.problems
        }
    }

    /// One row of the training curve.
    public struct CurvePoint: Equatable {
        public var step: Int
        public var epoch: Double
        public var loss: Double
        public var learningRate: Float
        public var samplesPerSecond: Double
        public var validation: Double?
    }

    public enum TrainingError: Error, CustomStringConvertible {
        case diverged(step: Int, loss: Float)
        case noData(String)
        public var description: String {
            switch self {
            case let .diverged(step, loss):
                return "training diverged at step \(step) (loss \(loss)); the last good weights were kept — lower the learning rate or raise warm-up"
            case let .noData(phase): return "\(phase): no training pairs — check the split and prompts"
            }
        }
    }

    public let config: Config
    public let phase: String
    /// Where resumable state goes (weights, optimizer moments, generator states, data cursor); nil = none.
    public var checkpointDirectory: URL?
    /// Continue from the state in `checkpointDirectory` instead of starting over.
    public var resume = false
    /// Tests only: stop (as a kill would) right after the checkpoint at this step.
    public var stopAfterStep: Int?
    /// Stop as soon as a validation reaches this score (training to a target, e.g. a generator that reproduces
    /// 95% of its IDs); nil = run the whole schedule.
    public var stopAtValidation: Double?
    public private(set) var curve: [CurvePoint] = []
    public private(set) var bestValidation: Double?
    public private(set) var stepsDone = 0
    /// Optimizer steps the schedule was sized for.
    public private(set) var stepsPlanned = 0
    public private(set) var trainingSeconds: Double = 0

    public init(config: Config, phase: String) {
        self.config = config
        self.phase = phase
    }

    /// Where a training stands: step, position in the epoch, best weights, the reporting window.
    struct Progress {
        var step = 0, cursor = 0
        var best: [[Float]]? = nil
        var sinceBest = 0
        var windowLoss = 0.0, windowSamples = 0, windowStart = Date()
    }

    /// Trains `model` on `pairs`. `validate` (higher is better, e.g. NDCG@10) picks the best weights, which
    /// the model holds at the end. `parameters` limits the update to a subset (default: all of the model's).
    public func train(model: any GenerativeModel, pairs: [Seq2SeqPair], seed: UInt64,
                      parameters: [Tensor]? = nil,
                      validate: ((any GenerativeModel) throws -> Double)? = nil,
                      progress: ProgressHandler? = nil) throws {
        guard !pairs.isEmpty else { throw TrainingError.noData(phase) }
        let params = parameters ?? model.parameters
        let step = model.makeTrainingStep(labelSmoothing: config.labelSmoothing)
        let opt = config.optimizer.adamW(params, noDecay: model.noDecayParameters, learningRate: config.learningRate)
        let stepsPerEpoch = (pairs.count + config.batchSize - 1) / config.batchSize
        var rng = SplitMix64(seed: seed).derived("batches-\(phase)")
        model.dropoutRNG = SplitMix64(seed: seed).derived("dropout-\(phase)")
        let start = Date()
        let evalEvery = config.cadence.evalEvery > 0 ? config.cadence.evalEvery : stepsPerEpoch
        model.training = true
        defer { model.training = false }
        var p = Progress()
        let restored = try restoreOrClear(&p, rng: &rng, params: params, optimizer: opt, model: model)
        // The schedule's length: the epochs (cut at max_steps) — or, under a time limit, the steps that fit in
        // it at the measured pace, so warm-up and decay both happen inside the budget (a resumed run keeps the
        // plan it had).
        var plan: StepPlan
        if let kept = restored?.plan {
            plan = kept
        } else {
            var total = config.length.plannedSteps(stepsPerEpoch: stepsPerEpoch)
            if config.length.maxMinutes > 0 {
                total = fittedSteps(total, pairs: pairs, model: model, step: step, params: params, seed: seed, started: start)
            }
            plan = StepPlan(total: total, warmupRatio: config.optimizer.warmupRatio)
        }
        if restored?.finished == true { p.step = plan.total }   // stopped by its budget or early stopping: nothing left to train
        var paceSince = (step: p.step, time: Date())
        func checkpoint(epochStart: SplitMix64, finished: Bool = false) throws {
            guard let dir = checkpointDirectory else { return }
            try Seq2SeqTrainer.saveCheckpoint(dir, step: p.step, cursor: p.cursor, batchRNG: epochStart.state, params: params,
                                              optimizer: opt, model: model, bestValidation: bestValidation, sinceBest: p.sinceBest,
                                              best: p.best, plan: plan, finished: finished)
        }
        outer: while p.step < plan.total {
            let epochStart = rng   // this epoch's batches are drawn from here; a resume redraws them
            for (i, batch) in Seq2SeqTrainer.bucketedBatches(pairs, batchSize: config.batchSize, length: model.cost, rng: &rng).enumerated() {
                if i < p.cursor { continue }
                if p.step >= plan.total { break outer }
                if config.length.maxMinutes > 0 && Date().timeIntervalSince(start) > config.length.maxMinutes * 60 { break outer }
                let lr = config.learningRate * plan.factor(step: p.step)
                let loss = try update(batch, step: step, params: params, optimizer: opt, learningRate: lr,
                                      step: p.step, best: p.best)
                p.step += 1
                p.cursor = i + 1
                p.windowLoss += Double(loss) * Double(batch.count)
                p.windowSamples += batch.count
                var validation: Double? = nil
                if let validate, p.step % evalEvery == 0 || p.step == plan.total {
                    validation = try self.validate(model, with: validate, params: params, progress: &p)
                }
                if p.step % config.cadence.logEvery == 0 || p.step == plan.total || validation != nil {
                    report(&p, epoch: Double(p.step) / Double(stepsPerEpoch), total: plan.total, learningRate: lr,
                           validation: validation, progress: progress)
                    if replan(&plan, step: p.step, started: start, since: paceSince) { paceSince = (p.step, Date()) }
                }
                if config.cadence.checkpointEvery > 0 && p.step % config.cadence.checkpointEvery == 0 {
                    try checkpoint(epochStart: epochStart)
                    if let stop = stopAfterStep, p.step >= stop { return }
                }
                if config.cadence.patience > 0 && p.sinceBest >= config.cadence.patience { break outer }
                if let target = stopAtValidation, let v = validation, v >= target { break outer }
            }
            p.cursor = 0
        }
        try checkpoint(epochStart: rng, finished: true)
        stepsPlanned = plan.total
        stepsDone = p.step
        trainingSeconds = Date().timeIntervalSince(start)
        if let best = p.best { Seq2SeqTrainer.restore(best, into: params) }
    }

    /// A fresh start clears an earlier run's state (so a later --resume cannot pick it up); a resume
    /// restores step, cursor, generators and best weights, and returns the state (nil = fresh start).
    func restoreOrClear(_ p: inout Progress, rng: inout SplitMix64, params: [Tensor], optimizer: AdamW, model: any GenerativeModel) throws -> ResumeState? {
        guard let dir = checkpointDirectory else { return nil }
        guard resume else {
            for name in ["state.json", "weights.safetensors"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
            return nil
        }
        guard let state = try Seq2SeqTrainer.loadCheckpoint(dir, params: params, optimizer: optimizer, model: model) else { return nil }
        p.step = state.step
        p.cursor = state.cursor
        rng = SplitMix64(seed: state.batchRNG)
        bestValidation = state.bestValidation
        p.sinceBest = state.sinceBest
        p.best = state.best
        return state
    }

    /// One optimizer step on `batch`: the model's loss and gradients, clipping, AdamW. A non-finite loss
    /// puts the best weights back (if any) and stops the training.
    func update(_ batch: [Seq2SeqPair], step lossAndGradients: ([Seq2SeqPair]) -> Float, params: [Tensor], optimizer: AdamW,
                learningRate: Float, step: Int, best: [[Float]]?) throws -> Float {
        optimizer.zeroGrad()
        let loss = lossAndGradients(batch)
        guard loss.isFinite else {
            if let best { Seq2SeqTrainer.restore(best, into: params) }
            throw TrainingError.diverged(step: step, loss: loss)
        }
        let clipping = GradientClipping.scale(params, maxNorm: config.optimizer.maxGradNorm)
        optimizer.update(learningRate: learningRate, gradientScale: clipping.factor)
        return loss
    }

    /// Scores the model in eval mode and keeps its weights when they are the best so far.
    func validate(_ model: any GenerativeModel, with validate: (any GenerativeModel) throws -> Double, params: [Tensor], progress p: inout Progress) throws -> Double {
        model.training = false
        defer { model.training = true }
        let v = try validate(model)
        if bestValidation == nil || v > bestValidation! {
            bestValidation = v
            p.best = params.map(\.data)
            p.sinceBest = 0
        } else {
            p.sinceBest += 1
        }
        return v
    }

    /// A curve point over the window since the last one, and a progress report.
    func report(_ p: inout Progress, epoch: Double, total: Int, learningRate: Float, validation: Double?, progress: ProgressHandler?) {
        let secs = Date().timeIntervalSince(p.windowStart)
        let point = CurvePoint(step: p.step, epoch: epoch, loss: p.windowLoss / Double(max(p.windowSamples, 1)), learningRate: learningRate,
                               samplesPerSecond: Double(p.windowSamples) / max(secs, 1e-9), validation: validation)
        curve.append(point)
        progress?(TrainingProgress(phase: phase, step: p.step, totalSteps: total, loss: point.loss,
                                   samplesPerSecond: point.samplesPerSecond,
                                   message: validation.map { String(format: "valid %.4f", $0) }))
        p.windowLoss = 0; p.windowSamples = 0; p.windowStart = Date()
    }

    static func restore(_ values: [[Float]], into params: [Tensor]) {
        for (p, v) in zip(params, values) { p.data = v }
    }

    /// Shuffled, then sorted by `length` (the model's cost of a pair) inside chunks of 50 batches, then the
    /// batches shuffled: little padding, still random order.
    public static func bucketedBatches(_ pairs: [Seq2SeqPair], batchSize: Int, length: (Seq2SeqPair) -> Int,
                                       rng: inout SplitMix64) -> [[Seq2SeqPair]] {
        LengthBucketedBatches(batchSize: batchSize, ties: .shuffled).batches(pairs, length: length, rng: &rng)
    }

    /// The training curve as CSV (step, epoch, loss, lr, samples/s, validation).
    public var curveCSV: String {
        var out = "phase,step,epoch,loss,learning_rate,samples_per_s,validation\n"
        for p in curve {
            out += "\(phase),\(p.step),\(String(format: "%.4f", p.epoch)),\(String(format: "%.6f", p.loss)),\(p.learningRate),\(String(format: "%.2f", p.samplesPerSecond)),\(p.validation.map { String(format: "%.6f", $0) } ?? "")\n"
        }
        return out
    }
}
