// When a training validates, stops early, reports and checkpoints — declared once for the trainers that
// validate (InlineConfig: flat keys in the file).
public struct TrainingCadence: InlineConfig, Equatable {
    /// Validate every this many steps (0 = once per epoch); needs a validation.
    public var evalEvery: Int = 0
    /// Stop after this many validations without improvement (0 = never stop early).
    public var patience: Int = 0
    /// Report progress every this many steps.
    public var logEvery: Int = 10
    /// Write a resumable checkpoint every this many steps (0 = only when training ends).
    public var checkpointEvery: Int = 200

    public init() {}

    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require(evalEvery >= 0, "eval_every", "must be ≥ 0 (0 = once per epoch), got \(evalEvery)")
        c.require(patience >= 0, "patience", "must be ≥ 0 (0 = never stop early), got \(patience)")
        c.require(logEvery >= 1, "log_every", "must be ≥ 1, got \(logEvery)")
        c.require(checkpointEvery >= 0, "checkpoint_every", "must be ≥ 0 (0 = at the end only), got \(checkpointEvery)")
        return c.problems
    }
}
