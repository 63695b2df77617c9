// A byte trie over vocabulary pieces for common-prefix search: at each position the Viterbi lattice needs every
// piece that starts there, shortest first (HF's Unigram walks its trie the same way). Built once; nodes with many
// children (the first levels) get a dense 256-way table, the rest a short sorted edge list.
struct PieceTrie {
    private(set) var terminal: [Int32] = [-1]      // piece id ending at each node, -1 if none
    private var edges: [[(UInt8, Int32)]] = [[]]   // while building
    private var dense: [Int32] = []                // 256 per dense node
    private var denseBase: [Int32] = []            // per node: offset into `dense`, or -1
    private var edgeStart: [Int32] = []            // per node: first edge in labels/targets
    private var edgeCount: [Int32] = []
    private var labels: [UInt8] = []
    private var targets: [Int32] = []

    init() {}

    init(pieces: [[UInt8]]) {
        for (id, p) in pieces.enumerated() { insert(p, id: id) }
        freeze()
    }

    /// Adds a piece (a later id for the same bytes replaces the earlier, as a dictionary insert would).
    mutating func insert(_ bytes: [UInt8], id: Int) {
        var node = 0
        for b in bytes {
            if let next = edges[node].first(where: { $0.0 == b })?.1 { node = Int(next); continue }
            terminal.append(-1)
            edges.append([])
            let child = Int32(terminal.count - 1)
            edges[node].append((b, child))
            node = Int(child)
        }
        terminal[node] = Int32(id)
    }

    /// Lays the edges out for lookup; call after the last insert (insert again, then freeze again, to extend).
    mutating func freeze() {
        let n = terminal.count
        dense = []; labels = []; targets = []
        denseBase = [Int32](repeating: -1, count: n)
        edgeStart = [Int32](repeating: 0, count: n)
        edgeCount = [Int32](repeating: 0, count: n)
        for node in 0..<n {
            let e = edges[node].sorted { $0.0 < $1.0 }
            if e.count >= 6 {
                denseBase[node] = Int32(dense.count)
                dense += [Int32](repeating: -1, count: 256)
                for (b, t) in e { dense[Int(denseBase[node]) + Int(b)] = t }
            } else {
                edgeStart[node] = Int32(labels.count)
                edgeCount[node] = Int32(e.count)
                for (b, t) in e { labels.append(b); targets.append(t) }
            }
        }
    }

    @inline(__always) func child(_ node: Int, _ b: UInt8) -> Int {
        let d = denseBase[node]
        if d >= 0 { return Int(dense[Int(d) + Int(b)]) }
        let s = Int(edgeStart[node]), e = s + Int(edgeCount[node])
        var i = s
        while i < e { if labels[i] == b { return Int(targets[i]) }; i += 1 }
        return -1
    }

    /// Calls `body(length, id)` for every piece that prefixes `s[from..<s.count]`, shortest first.
    @inline(__always) func forEachPrefix(_ s: UnsafeBufferPointer<UInt8>, from: Int, _ body: (Int, Int) -> Void) {
        var node = 0
        var i = from
        while i < s.count {
            node = child(node, s[i])
            if node < 0 { return }
            i += 1
            let t = terminal[node]
            if t >= 0 { body(i - from, Int(t)) }
        }
    }

    /// Length and id of the longest piece that prefixes `s[from...]`.
    func longestPrefix(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> (length: Int, id: Int)? {
        var best: (Int, Int)?
        forEachPrefix(s, from: from) { best = ($0, $1) }
        return best
    }

    /// The id of exactly `bytes`.
    func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var node = 0
        for b in bytes { node = child(node, b); if node < 0 { return nil } }
        return terminal[node] >= 0 ? Int(terminal[node]) : nil
    }
}
