// One point of a training curve (loss after some optimizer steps), as drawn in the comparison report.

public struct CurvePoint: Codable, Equatable, Sendable {
    public var step: Int
    public var loss: Double
    /// Epoch (may be fractional) when known.
    public var epoch: Double?

    public init(step: Int, loss: Double, epoch: Double? = nil) {
        self.step = step
        self.loss = loss
        self.epoch = epoch
    }
}
