// Ranking helper shared by the recommenders: the k best of a score vector, deterministically.

/// Top-k of a score vector, best first; ties go to the lower item index so lists are reproducible.
public enum TopK {
    public static func indices(_ scores: [Float], k: Int) -> [Int] {
        indices(count: scores.count, k: k) { scores[$0] }
    }

    public static func indices(count n: Int, k: Int, score: (Int) -> Float) -> [Int] {
        let k = min(k, n)
        guard k > 0 else { return [] }
        // A sorted buffer of k (score, index) pairs: O(n·k) worst case, O(n) typical for k ≤ 20.
        var best: [(Float, Int)] = []
        best.reserveCapacity(k + 1)
        for i in 0..<n {
            let s = score(i)
            if best.count == k, let last = best.last, !(s > last.0) { continue }
            var at = best.count
            while at > 0 && s > best[at - 1].0 { at -= 1 }
            best.insert((s, i), at: at)
            if best.count > k { best.removeLast() }
        }
        return best.map(\.1)
    }
}
