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
}
