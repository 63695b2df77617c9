// `hr@k`: 1 when the held-out item is among the top k, else 0 (P5/IDGenRec's HR@k).
public struct HitRate: Metric {
    public struct Config: Codable, Equatable, Sendable {
        /// Length of the ranked list the metric looks at.
        public var k = 10

        public init(k: Int = 10) { self.k = k }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            k = try c.decodeIfPresent(Int.self, forKey: .k) ?? 10
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        guard config.k >= 1 else {
            throw ParameterValueError(component: "hr@k", key: "k", advice: "must be ≥ 1, got \(config.k)")
        }
        self.config = config
    }

    public var name: String { "hr@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k) == nil ? 0 : 1
    }
}
