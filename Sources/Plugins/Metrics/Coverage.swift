// `coverage`: the share of the catalog that appears in at least one user's top k — does the decoder recommend
// the catalog or a few popular items? Defined over all users only.
public struct Coverage: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "coverage")
    }

    public var name: String { "coverage@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? { nil }

    public func aggregate(ranked: [[Int]], targets: [Int], catalogSize: Int) -> Double {
        guard catalogSize > 0 else { return 0 }
        var seen = [Bool](repeating: false, count: catalogSize), count = 0
        for list in ranked {
            for item in list.prefix(config.k) where item >= 0 && item < catalogSize && !seen[item] {
                seen[item] = true
                count += 1
            }
        }
        return Double(count) / Double(catalogSize)
    }
}
