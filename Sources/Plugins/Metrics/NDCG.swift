// `ndcg@k`: 1 / log2(rank + 1) when the held-out item is at rank ≤ k, else 0. With a single relevant item the
// ideal DCG is 1, so there is nothing to normalize by (as P5/IDGenRec compute it).
import Foundation

public struct NDCG: Metric {
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
            throw ParameterValueError(component: "ndcg@k", key: "k", advice: "must be ≥ 1, got \(config.k)")
        }
        self.config = config
    }

    public var name: String { "ndcg@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k).map { 1 / log2(Double($0) + 1) } ?? 0
    }
}
