// `hr@k`: 1 when the held-out item is among the top k, else 0 (P5/IDGenRec's HR@k).
public struct HitRate: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "hr@k")
    }

    public var name: String { "hr@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k) == nil ? 0 : 1
    }
}
