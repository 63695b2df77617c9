// The best finished IDs of one input, at most `capacity`, best first. Equal scores keep arrival order, so
// results do not depend on how rows were batched.
struct FinishedPool {
    struct Entry { var item: Int; var score: Float }

    let capacity: Int
    private(set) var entries: [Entry] = []   // [≤ capacity] descending by score

    init(capacity: Int) { self.capacity = capacity }

    var isFull: Bool { entries.count >= capacity }
    /// The score a newcomer must beat once the pool is full.
    var worst: Float { entries.last?.score ?? -.infinity }

    mutating func offer(item: Int, score: Float) {
        if isFull && score <= worst { return }
        var i = entries.count
        while i > 0 && entries[i - 1].score < score { i -= 1 }
        entries.insert(Entry(item: item, score: score), at: i)
        if entries.count > capacity { entries.removeLast() }
    }
}
