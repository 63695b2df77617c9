// A time limit sizes the schedule instead of cutting it. Cut, a schedule sized in epochs never anneals: the
// learning rate is still near its peak when time runs out, and the warm-up alone can eat a large part of a
// short budget. So under `max_minutes` the trainer first measures its pace — a few forward/backward passes
// on batches of its own data, the weights, gradients and dropout stream put back afterwards, so the training
// that follows is exactly the one a `max_steps` budget of the same length would give — then fixes the total
// at the steps that fit (with a margin for validations and load), and warms up and decays over that total.
// The wall-clock stop stays as a safety net.
import Foundation

extension Seq2SeqTrainer {
    /// Passes timed to measure the pace (the first is not counted: caches, first-touch allocation).
    static let calibrationPasses = 6
    /// Share of the remaining time the schedule is sized to fill.
    static let timeMargin = 0.92

    /// The planned steps cut to what fits in the time limit at the measured pace (at least one).
    func fittedSteps(_ planned: Int, pairs: [Seq2SeqPair], model: T5Model, sharded: T5ShardedTraining, params: [Tensor],
                     seed: UInt64, started: Date) -> Int {
        let secondsPerStep = measurePace(pairs: pairs, model: model, sharded: sharded, params: params, seed: seed)
        let left = config.length.maxMinutes * 60 - Date().timeIntervalSince(started)
        guard secondsPerStep > 0, left > 0 else { return 1 }
        let fit = Int((left * Self.timeMargin / secondsPerStep).rounded(.down))
        return max(1, min(planned, fit))
    }

    /// Mean seconds of one training step (loss and gradients; the update is negligible beside them), with
    /// the model left exactly as it was: weights, gradients and dropout stream.
    func measurePace(pairs: [Seq2SeqPair], model: T5Model, sharded: T5ShardedTraining, params: [Tensor], seed: UInt64) -> Double {
        var rng = SplitMix64(seed: seed).derived("pace-\(phase)")
        let batches = Seq2SeqTrainer.bucketedBatches(pairs, batchSize: config.batchSize, rng: &rng).prefix(Self.calibrationPasses)
        let weights = params.map(\.data), dropout = model.dropoutRNG
        defer {
            Seq2SeqTrainer.restore(weights, into: params)
            for p in params { p.zeroGrad() }
            model.dropoutRNG = dropout
        }
        var seconds = 0.0, counted = 0
        for (i, batch) in batches.enumerated() {
            let t5batch = T5Batch.make(sources: batch.map(\.source), targets: batch.map(\.target),
                                       padID: model.config.padTokenID, startID: model.config.decoderStartTokenID)
            for p in params { p.zeroGrad() }
            let began = Date()
            _ = sharded.lossAndGradients(t5batch, labelSmoothing: config.labelSmoothing)
            if i > 0 || batches.count == 1 { seconds += Date().timeIntervalSince(began); counted += 1 }
        }
        return counted > 0 ? seconds / Double(counted) : 0
    }
}
