// Training batches of similar length, still in random order: shuffle the examples, cut the shuffled order
// into pools of `poolBatches` batches, sort each pool by length and cut it into batches, then shuffle the
// batches. A batch is padded to its longest member, so grouping lengths removes most padding (most users of
// the Amazon datasets have short histories) while every epoch still sees a new order: sorting is local to a
// pool and the batches are shuffled, so neither batch contents nor batch order follow length alone.
//
// Two random draws per call, both from `rng`: the example shuffle, then the batch shuffle. The seq2seq
// trainer and the SASRec baseline both use it; each keeps its own tie order (see `Ties`).
//
// Legend: N examples, S batch size.

public struct LengthBucketedBatches: Sendable, Equatable {
    /// How examples of equal length are ordered inside a pool.
    public enum Ties: Sendable, Equatable {
        /// As the shuffle left them (only `<` on lengths is compared: the seq2seq trainer's order).
        case shuffled
        /// By example index (lengths, then index: the SASRec baseline's order).
        case byIndex
    }

    public var batchSize: Int        // S, ≥ 1
    public var poolBatches: Int      // batches per sorted pool
    public var ties: Ties

    public init(batchSize: Int, poolBatches: Int = 50, ties: Ties) {
        self.batchSize = batchSize
        self.poolBatches = poolBatches
        self.ties = ties
    }

    /// Batches of indices into `lengths` ([N]), every index exactly once.
    public func indices(lengths: [Int], rng: inout SplitMix64) -> [[Int]] {
        var order = Array(lengths.indices)
        order.shuffle(using: &rng)
        let pool = batchSize * poolBatches
        var batches: [[Int]] = []
        for lo in stride(from: 0, to: order.count, by: pool) {
            let members = order[lo..<min(lo + pool, order.count)]
            let sorted: [Int]
            switch ties {
            case .shuffled: sorted = members.sorted { lengths[$0] < lengths[$1] }
            case .byIndex: sorted = members.sorted { lengths[$0] != lengths[$1] ? lengths[$0] < lengths[$1] : $0 < $1 }
            }
            for b in stride(from: 0, to: sorted.count, by: batchSize) {
                batches.append(Array(sorted[b..<min(b + batchSize, sorted.count)]))
            }
        }
        batches.shuffle(using: &rng)
        return batches
    }

    /// The same batches of the elements themselves.
    public func batches<Element>(_ elements: [Element], length: (Element) -> Int, rng: inout SplitMix64) -> [[Element]] {
        indices(lengths: elements.map(length), rng: &rng).map { $0.map { elements[$0] } }
    }
}
