// Supervised sequence-to-sequence training of a T5 on (source tokens → target tokens) pairs: the engine of
// the `recommender` trainer (prompt → target item ID) and the `id-generator` trainer (item text → ID).
// As the IDGenRec reference: AdamW (weight decay 0.01, eps 1e-6) — but no decay on layer norms, which the
// reference's filter intended and never matched —, linear warm-up over 5% then linear decay, clipping 1.0.
// Batches are bucketed by source length (shuffled chunks sorted by length) so padding stays small.
// Legend: P training pairs, B batch.
import Foundation

public struct Seq2SeqPair: Equatable {
    public var source: [Int]
    public var target: [Int]
    public init(source: [Int], target: [Int]) { self.source = source; self.target = target }
}

public final class Seq2SeqTrainer {
    public struct Config: ComponentConfig, Equatable {
        /// Passes over the training pairs.
        public var epochs: Double = 10
        /// Stop after this many optimizer steps (0 = no step budget).
        public var maxSteps: Int = 0
        /// Stop after this much wall-clock time (0 = no time budget).
        public var maxMinutes: Double = 0
        public var batchSize: Int = 32
        public var learningRate: Float = 1e-3
        /// Fraction of the steps spent warming the learning rate up from 0.
        public var warmupRatio: Double = 0.05
        public var weightDecay: Float = 0.01
        public var adamEpsilon: Float = 1e-6
        public var maxGradNorm: Float = 1.0
        public var labelSmoothing: Float = 0
        /// Validate every this many steps (0 = once per epoch); needs a validation function.
        public var evalEvery: Int = 0
        /// Stop after this many validations without improvement (0 = never stop early).
        public var patience: Int = 0
        /// Report progress every this many steps.
        public var logEvery: Int = 10
        /// Validation samples decoded at each validation (a seeded subset; 0 = no validation).
        public var validationSamples: Int = 300
        /// Write a resumable checkpoint every this many steps (0 = only when training ends).
        public var checkpointEvery: Int = 200

        public init() {}

        enum CodingKeys: String, CodingKey {
            case epochs, maxSteps = "max_steps", maxMinutes = "max_minutes", batchSize = "batch_size"
            case learningRate = "learning_rate", warmupRatio = "warmup_ratio", weightDecay = "weight_decay"
            case adamEpsilon = "adam_epsilon", maxGradNorm = "max_grad_norm", labelSmoothing = "label_smoothing"
            case evalEvery = "eval_every", patience, logEvery = "log_every", validationSamples = "validation_samples"
            case checkpointEvery = "checkpoint_every"
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
    public private(set) var curve: [CurvePoint] = []
    public private(set) var bestValidation: Double?
    public private(set) var stepsDone = 0
    public private(set) var trainingSeconds: Double = 0

    public init(config: Config, phase: String) {
        self.config = config
        self.phase = phase
    }

    /// Trains `model` on `pairs`. `validate` (higher is better, e.g. NDCG@10) picks the best weights, which
    /// the model holds at the end. `parameters` limits the update to a subset (default: all of the model's).
    public func train(model: T5Model, pairs: [Seq2SeqPair], seed: UInt64,
                      parameters: [Tensor]? = nil,
                      validate: ((T5Model) -> Double)? = nil,
                      progress: ProgressHandler? = nil) throws {
        guard !pairs.isEmpty else { throw TrainingError.noData(phase) }
        let params = parameters ?? model.parameters
        let sharded = T5ShardedTraining(model: model)     // each batch as two halves, one per core
        let noDecay = Set(model.noDecayParameters.map(ObjectIdentifier.init))
        var adam = AdamW.Config()
        adam.learningRate = config.learningRate
        adam.weightDecay = config.weightDecay
        adam.epsilon = config.adamEpsilon
        let opt = AdamW(parameters: params, noDecay: params.filter { noDecay.contains(ObjectIdentifier($0)) }, config: adam)
        let stepsPerEpoch = (pairs.count + config.batchSize - 1) / config.batchSize
        var total = Int((Double(stepsPerEpoch) * config.epochs).rounded(.up))
        if config.maxSteps > 0 { total = min(total, config.maxSteps) }
        total = max(total, 1)
        let schedule = LearningRateSchedule(warmupSteps: Int(Double(total) * config.warmupRatio), totalSteps: total)
        var rng = SplitMix64(seed: seed).derived("batches-\(phase)")
        model.dropoutRNG = SplitMix64(seed: seed).derived("dropout-\(phase)")
        let start = Date()
        var best: [[Float]]? = nil
        var sinceBest = 0
        var windowLoss = 0.0, windowSamples = 0, windowStart = Date()
        let evalEvery = config.evalEvery > 0 ? config.evalEvery : stepsPerEpoch
        model.training = true
        defer { model.training = false }
        var step = 0, cursor = 0
        if !resume, let dir = checkpointDirectory {
            // A fresh start: an earlier run's state here must not be resumed by a later --resume.
            for name in ["state.json", "weights.safetensors"] { try? FileManager.default.removeItem(at: dir.appendingPathComponent(name)) }
        }
        if resume, let dir = checkpointDirectory,
           let state = try Seq2SeqTrainer.loadCheckpoint(dir, params: params, optimizer: opt, model: model) {
            step = state.step
            cursor = state.cursor
            rng = SplitMix64(seed: state.batchRNG)
            bestValidation = state.bestValidation
            sinceBest = state.sinceBest
            best = state.best
            if state.finished { step = total }   // stopped by its budget or early stopping: nothing left to train
        }
        func checkpoint(epochStart: SplitMix64, finished: Bool = false) throws {
            guard let dir = checkpointDirectory else { return }
            try Seq2SeqTrainer.saveCheckpoint(dir, step: step, cursor: cursor, batchRNG: epochStart.state, params: params,
                                              optimizer: opt, model: model, bestValidation: bestValidation, sinceBest: sinceBest,
                                              best: best, finished: finished)
        }
        outer: while step < total {
            let epochStart = rng   // this epoch's batches are drawn from here; a resume redraws them
            for (i, batch) in Seq2SeqTrainer.bucketedBatches(pairs, batchSize: config.batchSize, rng: &rng).enumerated() {
                if i < cursor { continue }
                if step >= total { break outer }
                if config.maxMinutes > 0 && Date().timeIntervalSince(start) > config.maxMinutes * 60 { break outer }
                let lr = config.learningRate * schedule.factor(step: step)
                let t5batch = T5Batch.make(sources: batch.map(\.source), targets: batch.map(\.target),
                                           padID: model.config.padTokenID, startID: model.config.decoderStartTokenID)
                opt.zeroGrad()
                let loss = sharded.lossAndGradients(t5batch, labelSmoothing: config.labelSmoothing)
                guard loss.isFinite else {
                    if let best { Seq2SeqTrainer.restore(best, into: params) }
                    throw TrainingError.diverged(step: step, loss: loss)
                }
                let clipping = GradientClipping.scale(params, maxNorm: config.maxGradNorm)
                opt.update(learningRate: lr, gradientScale: clipping.factor)
                step += 1
                cursor = i + 1
                windowLoss += Double(loss) * Double(batch.count)
                windowSamples += batch.count
                var validation: Double? = nil
                if let validate, step % evalEvery == 0 || step == total {
                    model.training = false
                    let v = validate(model)
                    model.training = true
                    validation = v
                    if bestValidation == nil || v > bestValidation! {
                        bestValidation = v
                        best = params.map(\.data)
                        sinceBest = 0
                    } else {
                        sinceBest += 1
                    }
                }
                if step % config.logEvery == 0 || step == total || validation != nil {
                    let secs = Date().timeIntervalSince(windowStart)
                    let point = CurvePoint(step: step, epoch: Double(step) / Double(stepsPerEpoch),
                                           loss: windowLoss / Double(max(windowSamples, 1)), learningRate: lr,
                                           samplesPerSecond: Double(windowSamples) / max(secs, 1e-9), validation: validation)
                    curve.append(point)
                    progress?(TrainingProgress(phase: phase, step: step, totalSteps: total, loss: point.loss,
                                               samplesPerSecond: point.samplesPerSecond,
                                               message: validation.map { String(format: "valid %.4f", $0) }))
                    windowLoss = 0; windowSamples = 0; windowStart = Date()
                }
                if config.checkpointEvery > 0 && step % config.checkpointEvery == 0 {
                    try checkpoint(epochStart: epochStart)
                    if let stop = stopAfterStep, step >= stop { return }
                }
                if config.patience > 0 && sinceBest >= config.patience { break outer }
            }
            cursor = 0
        }
        try checkpoint(epochStart: rng, finished: true)
        stepsDone = step
        trainingSeconds = Date().timeIntervalSince(start)
        if let best { Seq2SeqTrainer.restore(best, into: params) }
    }

    static func restore(_ values: [[Float]], into params: [Tensor]) {
        for (p, v) in zip(params, values) { p.data = v }
    }

    /// Shuffled, then sorted by source length inside chunks of 50 batches, then the batches shuffled:
    /// little padding, still random order.
    public static func bucketedBatches(_ pairs: [Seq2SeqPair], batchSize: Int, rng: inout SplitMix64) -> [[Seq2SeqPair]] {
        LengthBucketedBatches(batchSize: batchSize, ties: .shuffled).batches(pairs, length: { $0.source.count }, rng: &rng)
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
