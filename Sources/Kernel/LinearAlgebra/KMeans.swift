// Lloyd's k-means with seeded k-means++ initialization (Arthur & Vassilvitskii 2007), distances through
// sgemm (‖x‖² − 2x·c + ‖c‖²). Used on spectral embeddings (collaborative IDs) and on residuals (RQ codes).
// Empty clusters are re-seeded with the point farthest from its centroid, so every code stays in use.
//
// Legend: N points, D dimensions, K clusters, all row-major.

public struct KMeans {
    public var clusters: Int              // K
    public var iterations: Int = 50
    public var restarts: Int = 1          // best of this many seeded runs (lowest inertia)

    public init(clusters: Int, iterations: Int = 50, restarts: Int = 1) {
        self.clusters = clusters
        self.iterations = iterations
        self.restarts = restarts
    }

    public struct Result {
        public var assignment: [Int]      // [N] cluster of each point
        public var centroids: [Float]     // [K, D]
        public var inertia: Float         // sum of squared distances to the assigned centroid
    }

    public func fit(_ points: [Float], count n: Int, dimensions d: Int, rng: inout SplitMix64) -> Result {
        let k = max(1, min(clusters, n))
        var best: Result?
        for _ in 0..<max(1, restarts) {
            let r = runOnce(points, n: n, d: d, k: k, rng: &rng)
            if best == nil || r.inertia < best!.inertia { best = r }
        }
        return best!
    }

    private func runOnce(_ x: [Float], n: Int, d: Int, k: Int, rng: inout SplitMix64) -> Result {
        var centroids = plusPlusSeeds(x, n: n, d: d, k: k, rng: &rng)
        var assignment = [Int](repeating: 0, count: n)
        var distance = [Float](repeating: 0, count: n)
        for iteration in 0...iterations {
            let changed = assign(x, n: n, d: d, centroids: centroids, k: k, into: &assignment, distance: &distance)
            if iteration == iterations || (iteration > 0 && !changed) { break }
            centroids = update(x, n: n, d: d, k: k, assignment: &assignment, distance: &distance)
        }
        return Result(assignment: assignment, centroids: centroids, inertia: distance.reduce(0, +))
    }

    private func plusPlusSeeds(_ x: [Float], n: Int, d: Int, k: Int, rng: inout SplitMix64) -> [Float] {
        var centroids = [Float](repeating: 0, count: k * d)
        let first = Int(rng.next() % UInt64(n))
        for j in 0..<d { centroids[j] = x[first * d + j] }
        var nearest = (0..<n).map { i in squaredDistance(x, i, centroids, 0, d) }
        for c in 1..<max(1, k) {
            let total = nearest.reduce(0, +)
            var pick = 0
            if total > 0 {
                var target = Float(Double(rng.next() >> 11) / Double(1 << 53)) * total
                for i in 0..<n { target -= nearest[i]; if target <= 0 { pick = i; break }; pick = i }
            } else {
                pick = Int(rng.next() % UInt64(n))
            }
            for j in 0..<d { centroids[c * d + j] = x[pick * d + j] }
            for i in 0..<n { nearest[i] = min(nearest[i], squaredDistance(x, i, centroids, c, d)) }
        }
        return centroids
    }

    /// Nearest centroid for every point; returns whether any assignment changed.
    private func assign(_ x: [Float], n: Int, d: Int, centroids: [Float], k: Int,
                        into assignment: inout [Int], distance: inout [Float]) -> Bool {
        let dots = DenseBlock.multiply(x, centroids, m: n, n: k, k: d, transposeB: true)   // [N, K]
        let cNorm = (0..<k).map { c in (0..<d).reduce(Float(0)) { $0 + centroids[c * d + $1] * centroids[c * d + $1] } }
        var changed = false
        for i in 0..<n {
            var xNorm: Float = 0
            for j in 0..<d { xNorm += x[i * d + j] * x[i * d + j] }
            var bestC = 0
            var bestD = Float.infinity
            for c in 0..<k {
                let dist = cNorm[c] - 2 * dots[i * k + c]
                if dist < bestD { bestD = dist; bestC = c }
            }
            if assignment[i] != bestC { changed = true; assignment[i] = bestC }
            distance[i] = max(0, bestD + xNorm)
        }
        return changed
    }

    private func update(_ x: [Float], n: Int, d: Int, k: Int, assignment: inout [Int], distance: inout [Float]) -> [Float] {
        var sums = [Float](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for i in 0..<n {
            let c = assignment[i]
            counts[c] += 1
            for j in 0..<d { sums[c * d + j] += x[i * d + j] }
        }
        for c in 0..<k where counts[c] == 0 {
            // Re-seed an empty cluster at the worst-served point.
            guard let far = distance.indices.max(by: { distance[$0] < distance[$1] }), distance[far] > 0 else { continue }
            counts[assignment[far]] -= 1
            for j in 0..<d { sums[assignment[far] * d + j] -= x[far * d + j]; sums[c * d + j] = x[far * d + j] }
            assignment[far] = c
            counts[c] = 1
            distance[far] = 0
        }
        for c in 0..<k where counts[c] > 0 {
            let s = 1 / Float(counts[c])
            for j in 0..<d { sums[c * d + j] *= s }
        }
        return sums
    }

    @inline(__always)
    private func squaredDistance(_ x: [Float], _ i: Int, _ centroids: [Float], _ c: Int, _ d: Int) -> Float {
        var s: Float = 0
        for j in 0..<d { let t = x[i * d + j] - centroids[c * d + j]; s += t * t }
        return s
    }
}
