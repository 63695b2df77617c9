// A training's learning-rate plan: linear warm-up, then linear decay to zero at `total` (HF's
// get_linear_schedule_with_warmup) — and, when a time limit re-plans the length mid-run because the pace
// changed (the machine's load), a linear decay from the factor reached at that step to zero at the new
// total, so the rate never jumps and still reaches zero when the time is spent.
public struct StepPlan: Equatable {
    public private(set) var total: Int
    /// The total as first laid out (what the schedule before any re-plan decays towards).
    public let laidOut: Int
    public let warmup: Int
    /// The last re-plan: where it happened and the factor reached there (nil = the plan as first laid out).
    public private(set) var replanStep: Int?
    public private(set) var replanFactor: Float?

    public init(total: Int, warmupRatio: Double) {
        self.total = total
        self.laidOut = total
        self.warmup = Int(Double(total) * warmupRatio)
    }

    /// A plan as a checkpoint kept it.
    public init(total: Int, laidOut: Int, warmup: Int, replanStep: Int?, replanFactor: Float?) {
        self.total = total
        self.laidOut = laidOut
        self.warmup = warmup
        self.replanStep = replanStep
        self.replanFactor = replanFactor
    }

    /// The learning-rate multiplier before update `step` (0-based).
    public func factor(step: Int) -> Float {
        if let s0 = replanStep, let f0 = replanFactor, step >= s0 {
            return f0 * Float(max(0, total - step)) / Float(max(1, total - s0))
        }
        return LearningRateSchedule(warmupSteps: warmup, totalSteps: laidOut).factor(step: step)
    }

    /// The same rate now, decaying to zero at `newTotal` instead. Only after warm-up (a re-plan never cuts it).
    public mutating func replan(at step: Int, total newTotal: Int) {
        guard step >= warmup, newTotal > step, newTotal != total else { return }
        let f = factor(step: step)
        replanStep = step
        replanFactor = f
        total = newTotal
    }
}
