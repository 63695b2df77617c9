// `recall@k`: share of the user's relevant items found in the top k; with leave-one-out's single target it
// equals HR@k, kept under its own name because papers report both.
public struct Recall: Metric {
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
            throw ParameterValueError(component: "recall@k", key: "k", advice: "must be ≥ 1, got \(config.k)")
        }
        self.config = config
    }

    public var name: String { "recall@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k) == nil ? 0 : 1
    }
}
