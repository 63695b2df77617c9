// The outcome of a paired test of a variant against a reference over the same users (difference = variant −
// reference, e.g. per-user NDCG@10).

public struct PairedComparison: Codable, Equatable, Sendable {
    /// "paired-t" or "paired-bootstrap".
    public var method: String
    /// Users (pairs) compared.
    public var count: Int
    public var meanDifference: Double
    /// Confidence interval of the mean difference.
    public var interval: ConfidenceInterval
    /// Two-sided p-value of "no mean difference".
    public var pValue: Double
    /// The t statistic (paired-t) or the number of resamples (paired-bootstrap).
    public var statistic: Double

    public init(method: String, count: Int, meanDifference: Double, interval: ConfidenceInterval, pValue: Double, statistic: Double) {
        self.method = method
        self.count = count
        self.meanDifference = meanDifference
        self.interval = interval
        self.pValue = pValue
        self.statistic = statistic
    }

    enum CodingKeys: String, CodingKey {
        case method, count, meanDifference = "mean_difference", interval, pValue = "p_value", statistic
    }
}
