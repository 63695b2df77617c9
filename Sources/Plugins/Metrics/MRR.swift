// `mrr`: 1 / rank of the held-out item when it is in the top k, else 0 (MRR@k).
public struct MRR: Metric {
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
            throw ParameterValueError(component: "mrr", key: "k", advice: "must be ≥ 1, got \(config.k)")
        }
        self.config = config
    }

    public var name: String { "mrr@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k).map { 1 / Double($0) } ?? 0
    }
}
