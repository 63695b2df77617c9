// `coverage`: the share of the catalog that appears in at least one user's top k — does the decoder recommend
// the catalog or a few popular items? Defined over all users only.
public struct Coverage: Metric {
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
            throw ParameterValueError(component: "coverage", key: "k", advice: "must be ≥ 1, got \(config.k)")
        }
        self.config = config
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
