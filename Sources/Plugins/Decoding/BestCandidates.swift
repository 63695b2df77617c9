// The `capacity` best beam continuations of one step, kept in a min-heap so the root's 10⁴ children cost
// O(n log K), not a sort. Order: higher score first; equal scores by (row, edge), i.e. generation order, so
// the outcome is deterministic and independent of batching.
struct BestCandidates {
    let capacity: Int
    private var heap: [TrieBeamDecoder.Candidate] = []   // [≤ capacity] heap[0] is the worst kept

    init(capacity: Int) {
        self.capacity = capacity
        heap.reserveCapacity(capacity)
    }

    @inline(__always) static func better(_ a: TrieBeamDecoder.Candidate, _ b: TrieBeamDecoder.Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return a.row != b.row ? a.row < b.row : a.edge < b.edge
    }

    mutating func offer(_ c: TrieBeamDecoder.Candidate) {
        if heap.count < capacity {
            heap.append(c)
            var i = heap.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard Self.better(heap[p], heap[i]) else { break }     // parent must be the worse one
                heap.swapAt(p, i); i = p
            }
        } else if Self.better(c, heap[0]) {
            heap[0] = c
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count && Self.better(heap[worst], heap[l]) { worst = l }
                if r < heap.count && Self.better(heap[worst], heap[r]) { worst = r }
                if worst == i { break }
                heap.swapAt(i, worst); i = worst
            }
        }
    }

    /// The kept candidates, best first.
    func bestFirst() -> [TrieBeamDecoder.Candidate] { heap.sorted(by: Self.better) }
}
