// `invalid-rate`: the share of a user's top-k slots holding no real item (−1 or outside the catalog, e.g. free
// text that names nothing) or an item already listed above it. Trie decoders should measure 0; HF's constrained
// beam search does not (it pads with duplicates scored near −1e9).
public struct InvalidRate: Metric {
    public typealias Config = MetricCutoff

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.validated(for: "invalid-rate")
    }

    public var name: String { "invalid-rate@\(config.k)" }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        let top = ranked.prefix(config.k)
        guard !top.isEmpty else { return 0 }
        var seen = Set<Int>(), bad = 0
        for item in top where item < 0 || item >= catalogSize || !seen.insert(item).inserted { bad += 1 }
        return Double(bad) / Double(top.count)
    }
}
