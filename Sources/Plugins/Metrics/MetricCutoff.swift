// The one parameter every ranking metric has: the list length k it looks at ("hr@10" is hr@k with k = 10).
public struct MetricCutoff: ComponentConfig, Equatable, Sendable {
    /// Length of the ranked list the metric looks at.
    public var k = 10

    public init() {}
    public init(k: Int = 10) { self.k = k }

    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require(k >= 1, "k", "must be ≥ 1, got \(k)")
        return c.problems
    }

    /// The cutoff, or an error naming `component` when k < 1 (metrics built straight from Swift).
    func validated(for component: String) throws -> MetricCutoff { try checked(by: component) }
}
