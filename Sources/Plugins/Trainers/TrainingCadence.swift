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
        var out: [ConfigProblem] = []
        for (key, value) in [("eval_every", evalEvery), ("patience", patience), ("checkpoint_every", checkpointEvery)] where value < 0 {
            out.append(ConfigProblem(key: key, message: "must be ≥ 0, got \(value)"))
        }
        if logEvery < 1 { out.append(ConfigProblem(key: "log_every", message: "must be ≥ 1, got \(logEvery)")) }
        return out
    }
}
