// `ndcg@k`: 1 / log2(rank + 1) when the held-out item is at rank ≤ k, else 0. With a single relevant item the
// ideal DCG is 1, so there is nothing to normalize by (as P5/IDGenRec compute it).
import Foundation

public struct NDCG: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "ndcg@k")
    }

    public var name: String { "ndcg@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k).map { 1 / log2(Double($0) + 1) } ?? 0
    }
}
