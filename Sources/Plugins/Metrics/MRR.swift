// `mrr`: 1 / rank of the held-out item when it is in the top k, else 0 (MRR@k).
public struct MRR: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "mrr")
    }

    public var name: String { "mrr@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k).map { 1 / Double($0) } ?? 0
    }
}
