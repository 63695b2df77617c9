// The ID-generator phase: the recommender is frozen (out of autograd, eval mode); for each batch of
// prompts the generator decodes every distinct ID slot greedily with gradients, the soft IDs are spliced
// into the prompts, and the recommender's cross-entropy on the hard target ID updates the generator alone
// (AdamW, warm-up then linear decay, clipping — as the recommender phase).
//
// Legend: P prompts, B prompts in a batch.
import Foundation

extension AlternateTrainer {
    public func trainIDPhase(generator: T5Model, recommender: T5Model, generatorInputs: [[Int]],
                             samples: [SoftSample], round: Int, seed: UInt64, maxMinutes: Double? = nil,
                             progress: ProgressHandler? = nil) throws {
        let minutes = maxMinutes ?? config.maxMinutesPerPhase
        let phase = "id-generator-round\(round)"
        guard !samples.isEmpty else { throw AlternateTrainingError.noSamples(phase: phase) }
        let prompt = try SoftIDPrompt(generator: generator, recommender: recommender, maxIDTokens: config.maxIDTokens,
                                      weighting: config.softWeights, maskAfterEOS: config.maskAfterEOS)
        let params = generator.parameters
        let opt = config.optimizer.adamW(params, noDecay: generator.noDecayParameters, learningRate: config.generatorLearningRate)
        let batchSize = max(config.idBatchSize, 1)
        let stepsPerEpoch = (samples.count + batchSize - 1) / batchSize
        let total = max(1, Int((Double(stepsPerEpoch) * config.idEpochs).rounded(.up)))
        stepsPlanned += total
        let schedule = LearningRateSchedule(warmupSteps: Int(Double(total) * config.optimizer.warmupRatio), totalSteps: total)
        var rng = SplitMix64(seed: seed).derived("batches-\(phase)")
        generator.dropoutRNG = SplitMix64(seed: seed).derived("dropout-\(phase)")
        // A seeded random sample (the first prompts in user order are a few users' whole histories).
        var sampler = SplitMix64(seed: seed).derived("id-phase-eval-\(phase)")
        let measured = Array(samples.shuffled(using: &sampler).prefix(max(config.idPhaseEvalSamples, 0)))
        let before = measured.isEmpty ? nil : try meanLoss(prompt, samples: measured, generatorInputs: generatorInputs)
        let start = Date(), startWeights = params.map(\.data)
        let (genTraining, recTraining) = (generator.training, recommender.training)
        defer { generator.training = genTraining; recommender.training = recTraining }
        recommender.training = false
        var windowLoss = 0.0, windowSamples = 0, windowTokens = 0, windowStart = Date()
        var step = 0
        try frozen(recommender) {
            generator.training = true
            outer: while step < total {
                var order = Array(samples.indices)
                order.shuffle(using: &rng)
                for lo in stride(from: 0, to: order.count, by: batchSize) {
                    if step >= total { break outer }
                    if minutes > 0 && Date().timeIntervalSince(start) > minutes * 60 { break outer }
                    let batch = order[lo..<min(lo + batchSize, order.count)].map { samples[$0] }
                    let lr = config.generatorLearningRate * schedule.factor(step: step)
                    opt.zeroGrad()
                    let (loss, ids) = try prompt.loss(batch, texts: generatorInputs)
                    guard loss.item.isFinite else {
                        for (p, v) in zip(params, startWeights) { p.data = v }
                        throw AlternateTrainingError.diverged(phase: phase, step: step, loss: loss.item)
                    }
                    // A batch whose greedy IDs are all empty (`</s>` first) splices nothing: no path reaches the
                    // generator, and the step goes on with zero gradients.
                    if loss.requiresGrad { loss.backward() }
                    let clipping = GradientClipping.scale(params, maxNorm: config.optimizer.maxGradNorm)
                    opt.update(learningRate: lr, gradientScale: clipping.factor)
                    step += 1
                    stepsDone += 1
                    windowLoss += Double(loss.item) * Double(batch.count)
                    windowSamples += batch.count
                    windowTokens += ids.inputs.reduce(0) { $0 + generatorInputs[$1].count }
                    if step % max(config.cadence.logEvery, 1) == 0 || step == total {
                        let secs = max(Date().timeIntervalSince(windowStart), 1e-9)
                        let point = CurvePoint(round: round, phase: "id-generator", step: step,
                                               epoch: Double(step) / Double(stepsPerEpoch),
                                               loss: windowLoss / Double(max(windowSamples, 1)), learningRate: lr,
                                               samplesPerSecond: Double(windowSamples) / secs,
                                               tokensPerSecond: Double(windowTokens) / secs, validation: nil)
                        appendCurve(point)
                        progress?(TrainingProgress(phase: phase, step: step, totalSteps: total, loss: point.loss,
                                                   samplesPerSecond: point.samplesPerSecond,
                                                   message: String(format: "%.0f generator tokens/s", point.tokensPerSecond!)))
                        windowLoss = 0; windowSamples = 0; windowTokens = 0; windowStart = Date()
                    }
                }
            }
        }
        generator.training = genTraining
        if let before {
            let after = try meanLoss(prompt, samples: measured, generatorInputs: generatorInputs)
            recordIDPhase(round: round, before: before, after: after)
            progress?(TrainingProgress(phase: phase, step: total, totalSteps: total, loss: after,
                                       message: String(format: "soft-prompt loss %.4f → %.4f on %d prompts", before, after, measured.count)))
        }
    }

    /// Mean soft-prompt loss over `samples` without gradients, both models in eval mode (the ID phase's
    /// before/after measure).
    public func meanLoss(_ prompt: SoftIDPrompt, samples: [SoftSample], generatorInputs: [[Int]]) throws -> Double {
        let (g, r) = (prompt.generator.training, prompt.recommender.training)
        prompt.generator.training = false; prompt.recommender.training = false
        defer { prompt.generator.training = g; prompt.recommender.training = r }
        let batchSize = max(config.idBatchSize, 1)
        var sum = 0.0
        try Tape.withoutGradients {
            for lo in stride(from: 0, to: samples.count, by: batchSize) {
                let batch = Array(samples[lo..<min(lo + batchSize, samples.count)])
                sum += Double(try prompt.loss(batch, texts: generatorInputs).loss.item) * Double(batch.count)
            }
        }
        return sum / Double(max(samples.count, 1))
    }
}
