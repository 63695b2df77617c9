// How long a training runs — epochs, optimizer steps, wall-clock minutes, whichever ends first — declared
// once for every trainer that has these keys (InlineConfig: flat in the file). The experiment's `budget`
// overrides them here and only here (`limited(by:)`), so every trainer honours a budget the same way.
public struct TrainingLength: InlineConfig, Equatable {
    /// Passes over the training data (fractions allowed).
    public var epochs: Double
    /// Stop after this many optimizer steps (0 = no step limit).
    public var maxSteps: Int = 0
    /// Stop after this much wall-clock time (0 = no time limit).
    public var maxMinutes: Double = 0

    public init(epochs: Double) { self.epochs = epochs }

    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require(epochs > 0 || maxSteps > 0, "epochs", "must be > 0 (or set max_steps), got \(epochs)")
        c.require(maxSteps >= 0, "max_steps", "must be ≥ 0 (0 = no step limit), got \(maxSteps)")
        c.require(maxMinutes >= 0, "max_minutes", "must be ≥ 0 (0 = no time limit), got \(maxMinutes)")
        return c.problems
    }

    /// These limits with the experiment's budget in force: each limit the budget gives replaces the trainer's.
    public func limited(by budget: Budget) -> TrainingLength {
        var out = self
        if let steps = budget.steps { out.maxSteps = steps }
        if let minutes = budget.minutes { out.maxMinutes = minutes }
        if let epochs = budget.epochs { out.epochs = Double(epochs) }
        return out
    }

    /// Optimizer steps planned for `stepsPerEpoch`: the epochs, cut at `maxSteps`; at least one.
    public func plannedSteps(stepsPerEpoch: Int) -> Int {
        var total = Int((Double(stepsPerEpoch) * epochs).rounded(.up))
        if maxSteps > 0 { total = min(total, maxSteps) }
        return max(total, 1)
    }
}
