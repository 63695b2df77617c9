// The one parameter every ranking metric has: the list length k it looks at ("hr@10" is hr@k with k = 10).
public struct MetricCutoff: ComponentConfig, Equatable, Sendable {
    /// Length of the ranked list the metric looks at.
    public var k = 10

    public init() {}
    public init(k: Int = 10) { self.k = k }

    /// The cutoff, or an error naming `component` when k < 1.
    func validated(for component: String) throws -> MetricCutoff {
        guard k >= 1 else { throw ParameterValueError(component: component, key: "k", advice: "must be ≥ 1, got \(k)") }
        return self
    }
}
