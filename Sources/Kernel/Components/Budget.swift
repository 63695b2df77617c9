// How much training an experiment may spend (the CPU protocol fixes it per strategy): wall-clock minutes,
// optimizer steps, epochs — whichever limit is reached first; none given = the trainer's own default.
public struct Budget: ComponentConfig, Equatable {
    public var steps: Int?
    public var minutes: Double?
    public var epochs: Int?

    public init() {}
    public init(steps: Int? = nil, minutes: Double? = nil, epochs: Int? = nil) {
        self.steps = steps
        self.minutes = minutes
        self.epochs = epochs
    }

    /// A negative limit would stop training before it starts (or never, depending on the trainer's test).
    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        if let s = steps { c.require(s >= 0, "steps", "must be ≥ 0, got \(s)") }
        if let m = minutes { c.require(m >= 0 && m.isFinite, "minutes", "must be a finite number ≥ 0, got \(m)") }
        if let e = epochs { c.require(e >= 0, "epochs", "must be ≥ 0, got \(e)") }
        return c.problems
    }
}
