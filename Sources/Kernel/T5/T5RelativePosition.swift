// T5's relative position buckets (Raffel et al. 2020, §2.1; HF `_relative_position_bucket`):
// half the buckets are exact small distances, the rest grow logarithmically up to max_distance.
// The encoder uses bidirectional buckets (sign gets its own half), the decoder causal ones (future → 0).
// The log is taken in Float32 and truncated toward zero, as PyTorch does, so buckets match exactly.
import Foundation

public enum T5RelativePosition {
    public static func bucket(_ relative: Int, bidirectional: Bool, numBuckets: Int, maxDistance: Int) -> Int {
        var buckets = numBuckets
        var ret = 0
        var n: Int
        if bidirectional {
            buckets /= 2
            if relative > 0 { ret += buckets }
            n = abs(relative)
        } else {
            n = max(-relative, 0)
        }
        let maxExact = buckets / 2
        if n < maxExact { return ret + n }
        let ratio = Float(n) / Float(maxExact)
        let scaled = Foundation.log(ratio) / Float(Foundation.log(Double(maxDistance) / Double(maxExact))) * Float(buckets - maxExact)
        let large = min(maxExact + Int(scaled), buckets - 1)
        return ret + large
    }

    /// Bucket ids for queries at positions `queryStart..<queryStart+T` against keys `0..<S`, row-major [T, S].
    public static func buckets(queries t: Int, keys s: Int, queryStart: Int = 0, bidirectional: Bool,
                               numBuckets: Int, maxDistance: Int) -> [Int] {
        var out = [Int](repeating: 0, count: t * s)
        for i in 0..<t {
            for j in 0..<s {
                out[i * s + j] = bucket(j - (i + queryStart), bidirectional: bidirectional, numBuckets: numBuckets, maxDistance: maxDistance)
            }
        }
        return out
    }

    /// The bias table [buckets, H] looked up for every (query, key) pair → [H, T, S].
    static func bias(table: Tensor, queries t: Int, keys s: Int, queryStart: Int = 0, bidirectional: Bool,
                     numBuckets: Int, maxDistance: Int) -> Tensor {
        let ids = buckets(queries: t, keys: s, queryStart: queryStart, bidirectional: bidirectional,
                          numBuckets: numBuckets, maxDistance: maxDistance)
        return table.gatherRows(ids, shape: [t, s]).permuted([2, 0, 1])
    }
}
