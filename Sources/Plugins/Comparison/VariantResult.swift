// What one variant of a comparison (an ID strategy under the shared pipeline, or a baseline) contributes to
// the report. Metric names are the report's column names, e.g. "HR@5", "NDCG@10".

public struct VariantResult: Codable, Equatable, Sendable {
    public var name: String
    /// What varies, e.g. "item-ids" for a strategy or "recommender" for a baseline.
    public var kind: String
    /// Overall means, e.g. ["HR@10": 0.0665].
    public var metrics: [String: Double]
    /// 95% intervals of the metric means (same keys as `metrics`; missing = not computed).
    public var intervals: [String: ConfidenceInterval]
    public var trainingSeconds: Double?
    public var samplesPerSecond: Double?
    public var decodeMillisecondsPerUser: Double?
    /// Test users evaluated.
    public var users: Int?
    public var trainingCurve: [CurvePoint]
    /// The ID report card: lines such as "collisions: 12 resolved by suffix", "mean ID length: 4.2 tokens".
    public var reportCard: [String]
    /// Paired test of this variant against the comparison's reference (nil for the reference itself).
    public var significance: PairedComparison?

    public init(name: String, kind: String, metrics: [String: Double], intervals: [String: ConfidenceInterval] = [:],
                trainingSeconds: Double? = nil, samplesPerSecond: Double? = nil, decodeMillisecondsPerUser: Double? = nil,
                users: Int? = nil, trainingCurve: [CurvePoint] = [], reportCard: [String] = [],
                significance: PairedComparison? = nil) {
        self.name = name
        self.kind = kind
        self.metrics = metrics
        self.intervals = intervals
        self.trainingSeconds = trainingSeconds
        self.samplesPerSecond = samplesPerSecond
        self.decodeMillisecondsPerUser = decodeMillisecondsPerUser
        self.users = users
        self.trainingCurve = trainingCurve
        self.reportCard = reportCard
        self.significance = significance
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, metrics, intervals, trainingSeconds = "training_seconds", samplesPerSecond = "samples_per_second"
        case decodeMillisecondsPerUser = "decode_ms_per_user", users, trainingCurve = "training_curve"
        case reportCard = "report_card", significance
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? "item-ids"
        metrics = try c.decode([String: Double].self, forKey: .metrics)
        intervals = try c.decodeIfPresent([String: ConfidenceInterval].self, forKey: .intervals) ?? [:]
        trainingSeconds = try c.decodeIfPresent(Double.self, forKey: .trainingSeconds)
        samplesPerSecond = try c.decodeIfPresent(Double.self, forKey: .samplesPerSecond)
        decodeMillisecondsPerUser = try c.decodeIfPresent(Double.self, forKey: .decodeMillisecondsPerUser)
        users = try c.decodeIfPresent(Int.self, forKey: .users)
        trainingCurve = try c.decodeIfPresent([CurvePoint].self, forKey: .trainingCurve) ?? []
        reportCard = try c.decodeIfPresent([String].self, forKey: .reportCard) ?? []
        significance = try c.decodeIfPresent(PairedComparison.self, forKey: .significance)
    }

    /// Means and 95% bootstrap intervals from per-user values (metric name → one value per test user).
    public static func summarizing(name: String, kind: String, perUser: [String: [Double]], seed: UInt64,
                                   resamples: Int = 2_000) throws -> VariantResult {
        var metrics: [String: Double] = [:], intervals: [String: ConfidenceInterval] = [:]
        for (metric, values) in perUser.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            metrics[metric] = values.reduce(0, +) / Double(values.count)
            if values.count >= 2 {
                intervals[metric] = try PairedSignificance.bootstrapMeanInterval(values, resamples: resamples, seed: seed)
            }
        }
        return VariantResult(name: name, kind: kind, metrics: metrics, intervals: intervals, users: perUser.values.first?.count)
    }
}
