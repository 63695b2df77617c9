// `recall@k`: share of the user's relevant items found in the top k; with leave-one-out's single target it
// equals HR@k, kept under its own name because papers report both.
public struct Recall: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "recall@k")
    }

    public var name: String { "recall@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        Self.rank(of: target, in: ranked, within: config.k) == nil ? 0 : 1
    }
}
