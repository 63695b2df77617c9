// A time limit sizes the schedule instead of cutting it. Cut, a schedule sized in epochs never anneals: the
// learning rate is still near its peak when time runs out, and the warm-up alone can eat a large part of a
// short budget. So under `max_minutes` the trainer first measures its pace — a few forward/backward passes
// on batches of its own data, the weights, gradients and dropout stream put back afterwards, so the training
// that follows is exactly the one a `max_steps` budget of the same length would give — then fixes the total
// at the steps that fit (with a margin for validations and load), and warms up and decays over that total.
// When the pace then drifts (another job takes a core, or leaves), the plan is re-laid at the next report
// from the pace since the last plan: the rate decays from where it is to zero at the new total (`StepPlan`).
// The wall-clock stop stays as a safety net.
import Foundation

extension Seq2SeqTrainer {
    /// Passes timed to measure the pace (the first is not counted: caches, first-touch allocation).
    static let calibrationPasses = 6
    /// Share of the remaining time the schedule is sized to fill.
    static let timeMargin = 0.92

    /// The planned steps cut to what fits in the time limit at the measured pace (at least one).
    func fittedSteps(_ planned: Int, pairs: [Seq2SeqPair], model: any GenerativeModel, step: ([Seq2SeqPair]) -> Float,
                     params: [Tensor], seed: UInt64, started: Date) -> Int {
        let secondsPerStep = measurePace(pairs: pairs, model: model, step: step, params: params, seed: seed)
        let left = config.length.maxMinutes * 60 - Date().timeIntervalSince(started)
        guard secondsPerStep > 0, left > 0 else { return 1 }
        let fit = Int((left * Self.timeMargin / secondsPerStep).rounded(.down))
        return max(1, min(planned, fit))
    }

    /// Mean seconds of one training step (loss and gradients; the update is negligible beside them), with
    /// the model left exactly as it was: weights, gradients and dropout stream.
    func measurePace(pairs: [Seq2SeqPair], model: any GenerativeModel, step: ([Seq2SeqPair]) -> Float, params: [Tensor],
                     seed: UInt64) -> Double {
        var rng = SplitMix64(seed: seed).derived("pace-\(phase)")
        let batches = Seq2SeqTrainer.bucketedBatches(pairs, batchSize: config.batchSize, length: model.cost, rng: &rng).prefix(Self.calibrationPasses)
        let weights = params.map(\.data), dropout = model.dropoutRNG
        defer {
            Seq2SeqTrainer.restore(weights, into: params)
            for p in params { p.zeroGrad() }
            model.dropoutRNG = dropout
        }
        var seconds = 0.0, counted = 0
        for (i, batch) in batches.enumerated() {
            for p in params { p.zeroGrad() }
            let began = Date()
            _ = step(Array(batch))
            if i > 0 || batches.count == 1 { seconds += Date().timeIntervalSince(began); counted += 1 }
        }
        return counted > 0 ? seconds / Double(counted) : 0
    }

    /// Share of the steps left by which the projected end may drift before the plan is re-laid.
    static let replanTolerance = 0.1
    /// Steps since the last plan before the pace is trusted: batches differ in length, so a short window is
    /// noise, not a change of load.
    static func replanWindow(_ plan: StepPlan) -> Int { max(50, plan.total / 50) }

    /// Re-lays `plan` when, at the pace since `since`, the steps left would end more than the tolerance
    /// before or after the time limit. True when it changed the plan.
    func replan(_ plan: inout StepPlan, step: Int, started: Date, since: (step: Int, time: Date)) -> Bool {
        guard config.length.maxMinutes > 0, step >= plan.warmup, step - since.step >= Self.replanWindow(plan) else { return false }
        let pace = Date().timeIntervalSince(since.time) / Double(step - since.step)
        let left = config.length.maxMinutes * 60 - Date().timeIntervalSince(started)
        guard pace > 0, left > 0 else { return false }
        let fit = step + max(1, Int((left * Self.timeMargin / pace).rounded(.down)))
        let drift = Double(abs(fit - plan.total)) / Double(max(plan.total - step, 1))
        guard drift > Self.replanTolerance, fit > step else { return false }
        let before = plan.total
        plan.replan(at: step, total: fit)
        return plan.total != before
    }
}
