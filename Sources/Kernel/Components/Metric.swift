// The `metric` component: a number per user from the ranked list and the held-out target (leave-one-out
// evaluation has one relevant item per user, as in IDGenRec/P5), and an overall number. Catalog-level
// metrics (coverage) have no per-user value and override `aggregate`.
//
// Legend: U users, k list length.
public protocol Metric {
    /// The key in metrics.json and the column in tables, e.g. "hr@10".
    var name: String { get }
    /// One user's value; nil when the metric is only defined over all users.
    func value(ranked: [Int], target: Int, catalogSize: Int) -> Double?       // ranked [≤ k], best first
    /// The overall value; by default the mean of the per-user values.
    func aggregate(ranked: [[Int]], targets: [Int], catalogSize: Int) -> Double   // ranked [U][≤ k], targets [U]
}

extension Metric {
    public func aggregate(ranked: [[Int]], targets: [Int], catalogSize: Int) -> Double {
        let values = zip(ranked, targets).compactMap { value(ranked: $0, target: $1, catalogSize: catalogSize) }
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The 1-based position of `target` among the first `k` of `ranked`, or nil when it is not there.
    public static func rank(of target: Int, in ranked: [Int], within k: Int) -> Int? {
        ranked.prefix(k).firstIndex(of: target).map { $0 + 1 }
    }
}
