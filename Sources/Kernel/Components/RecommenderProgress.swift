// What a `SequentialRecommender` reports after each epoch: progress lines and the report's training curve.

/// One training report, for progress lines and the training curve in the comparison report.
public struct RecommenderProgress: Equatable, Sendable {
    public var epoch: Int            // 1-based
    public var epochs: Int
    public var step: Int             // optimizer steps so far (0 for count-based models)
    public var loss: Double?         // mean training loss of the epoch, nil for count-based models
    public var samplesPerSecond: Double?
    public var elapsedSeconds: Double

    public init(epoch: Int, epochs: Int, step: Int, loss: Double?, samplesPerSecond: Double?, elapsedSeconds: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.step = step
        self.loss = loss
        self.samplesPerSecond = samplesPerSecond
        self.elapsedSeconds = elapsedSeconds
    }
}

