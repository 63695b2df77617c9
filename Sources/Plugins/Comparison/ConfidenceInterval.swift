// A two-sided confidence interval, as stored in comparison results and printed in reports.

public struct ConfidenceInterval: Codable, Equatable, Sendable {
    public var lower: Double
    public var upper: Double
    /// Coverage, e.g. 0.95.
    public var level: Double

    public init(lower: Double, upper: Double, level: Double = 0.95) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }
}
