// Progress of long work (training, ID generation, evaluation), reported by components and rendered by the
// CLI (a bar on a terminal, periodic lines otherwise). Components never print.

public struct TrainingProgress: Sendable {
    public var phase: String          // e.g. "recommender", "id-generator", "evaluate"
    public var step: Int
    public var totalSteps: Int
    public var loss: Double?
    public var samplesPerSecond: Double?
    public var message: String?

    public init(phase: String, step: Int, totalSteps: Int, loss: Double? = nil, samplesPerSecond: Double? = nil, message: String? = nil) {
        self.phase = phase
        self.step = step
        self.totalSteps = totalSteps
        self.loss = loss
        self.samplesPerSecond = samplesPerSecond
        self.message = message
    }
}

public typealias ProgressHandler = (TrainingProgress) -> Void
