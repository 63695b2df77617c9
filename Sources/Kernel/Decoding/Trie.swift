// A prefix tree over item IDs as token sequences, each ending in EOS: the constraint of generative retrieval
// (IDGenRec §3.3, P5/TIGER): at every decoding position only tokens that continue some valid ID are allowed,
// and the node reached by EOS is a leaf that names exactly one item.
//
// Layout is compressed-sparse-row, not dictionaries of dictionaries: node n's outgoing edges are
// `edgeStart[n] ..< edgeStart[n + 1]`, sorted by token, so the allowed tokens of a node are one contiguous
// slice and a child lookup is a binary search. Nodes are numbered breadth-first; node 0 is the root.
// 12,000 IDs of length 4–8 make ~70k nodes ≈ 1.5 MB.
//
// Legend: N items, M nodes, E edges (= M − 1), L sequence length (EOS included).

public struct Trie: Sendable {
    public static let root = 0

    public let eosID: Int
    public let itemCount: Int
    public var nodeCount: Int { parent.count }

    let edgeStart: [Int32]        // [M + 1] CSR offsets into edgeToken / edgeChild
    let edgeToken: [Int32]        // [E] sorted ascending within each node
    let edgeChild: [Int32]        // [E]
    let parent: [Int32]           // [M] −1 for the root
    let depth: [Int32]            // [M] tokens from the root (a leaf's depth is its ID's length, EOS included)
    let leafItem: [Int32]         // [M] item index at leaves (reached by EOS), −1 elsewhere
    let itemsBelow: [Int32]       // [M] number of leaves in the subtree
    let longestBelow: [Int32]     // [M] greatest leaf depth in the subtree (bounds length-normalized scores)
    let itemLeaf: [Int32]         // [N] leaf node of each item
    let sequenceStart: [Int32]    // [N + 1] offsets into sequenceTokens
    let sequenceTokens: [Int32]   // [ΣL] every item's ID, EOS included

    /// Builds the trie of `sequences[i]` (item i's token IDs, each ending in `eosID`, EOS nowhere else).
    /// `itemNames` only makes errors readable (e.g. raw item ids); duplicates are rejected naming both items,
    /// because two items with one ID cannot be told apart by any decoder.
    public init(sequences: [[Int]], eosID: Int, itemNames: [String]? = nil) throws {
        func name(_ i: Int) -> String {
            if let names = itemNames, i < names.count { return "item \(i) ('\(names[i])')" }
            return "item \(i)"
        }
        for (i, s) in sequences.enumerated() {
            guard let last = s.last else { throw TrieError.emptySequence(item: name(i)) }
            guard last == eosID else { throw TrieError.missingEOS(item: name(i), tokens: s, eosID: eosID) }
            if let p = s.dropLast().firstIndex(where: { $0 == eosID || $0 < 0 }) {
                throw s[p] < 0 ? TrieError.negativeToken(item: name(i), tokens: s)
                               : TrieError.eosInside(item: name(i), position: p, tokens: s)
            }
        }
        // Sort item indices by sequence; equal neighbours are duplicates. Then every node is a contiguous
        // range of the sorted order sharing a prefix, and its children split that range by the next token.
        let order = sequences.indices.sorted { a, b in
            let x = sequences[a], y = sequences[b]
            for (u, v) in zip(x, y) where u != v { return u < v }
            return x.count != y.count ? x.count < y.count : a < b
        }
        for (a, b) in zip(order, order.dropFirst()) where sequences[a] == sequences[b] {
            throw TrieError.duplicateSequence(first: name(a), second: name(b), tokens: sequences[a])
        }
        var edgeStart: [Int32] = [0], edgeToken: [Int32] = [], edgeChild: [Int32] = []
        var parent: [Int32] = [-1], depth: [Int32] = [0], leafItem: [Int32] = [-1]
        var range: [(Int, Int)] = [(0, order.count)]                      // [M] sorted-order range per node
        var itemLeaf = [Int32](repeating: -1, count: sequences.count)
        var node = 0
        while node < range.count {                                       // breadth-first: children in order
            let (lo, hi) = range[node], d = Int(depth[node])
            var i = lo
            while i < hi {
                guard d < sequences[order[i]].count else { break }       // a leaf (EOS consumed): no children
                let token = sequences[order[i]][d]
                var j = i + 1
                while j < hi && sequences[order[j]][d] == token { j += 1 }
                let child = range.count
                edgeToken.append(Int32(token)); edgeChild.append(Int32(child))
                range.append((i, j)); parent.append(Int32(node)); depth.append(Int32(d + 1))
                if token == eosID { leafItem.append(Int32(order[i])); itemLeaf[order[i]] = Int32(child) }
                else { leafItem.append(-1) }
                i = j
            }
            edgeStart.append(Int32(edgeToken.count))
            node += 1
        }
        var longest = [Int32](repeating: 0, count: range.count)
        for n in stride(from: range.count - 1, through: 0, by: -1) {
            longest[n] = leafItem[n] >= 0 ? depth[n] : longest[n]
            if n > 0 { longest[Int(parent[n])] = max(longest[Int(parent[n])], longest[n]) }
        }
        var starts: [Int32] = [0], flat: [Int32] = []
        flat.reserveCapacity(sequences.reduce(0) { $0 + $1.count })
        for s in sequences { flat.append(contentsOf: s.lazy.map { Int32($0) }); starts.append(Int32(flat.count)) }
        self.eosID = eosID
        self.itemCount = sequences.count
        self.edgeStart = edgeStart; self.edgeToken = edgeToken; self.edgeChild = edgeChild
        self.parent = parent; self.depth = depth; self.leafItem = leafItem
        self.itemsBelow = range.map { Int32($0.1 - $0.0) }
        self.longestBelow = longest
        self.itemLeaf = itemLeaf
        self.sequenceStart = starts; self.sequenceTokens = flat
    }
}

extension Trie {
    /// Edge indices of `node`'s children; use `token(ofEdge:)` / `child(ofEdge:)` to read them.
    @inline(__always) public func edges(of node: Int) -> Range<Int> {
        Int(edgeStart[node]) ..< Int(edgeStart[node + 1])
    }
    @inline(__always) public func token(ofEdge e: Int) -> Int { Int(edgeToken[e]) }
    @inline(__always) public func child(ofEdge e: Int) -> Int { Int(edgeChild[e]) }

    /// The tokens allowed after the prefix that leads to `node`, ascending.
    public func allowedTokens(at node: Int) -> [Int] { edges(of: node).map { Int(edgeToken[$0]) } }

    /// The node reached from `node` by `token`, or nil when no valid ID continues that way.
    public func child(of node: Int, token: Int) -> Int? {
        var lo = Int(edgeStart[node]), hi = Int(edgeStart[node + 1])
        while lo < hi {
            let mid = (lo + hi) / 2, t = Int(edgeToken[mid])
            if t == token { return Int(edgeChild[mid]) }
            if t < token { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// The node reached by a whole prefix from the root, or nil when it leaves the trie.
    public func node(after prefix: [Int]) -> Int? {
        var n = Trie.root
        for t in prefix { guard let c = child(of: n, token: t) else { return nil }; n = c }
        return n
    }

    /// The item whose ID ends at `node` (a leaf, reached by EOS), or nil for inner nodes.
    @inline(__always) public func item(at node: Int) -> Int? {
        let i = leafItem[node]; return i >= 0 ? Int(i) : nil
    }
    /// Item `item`'s full ID, EOS included.
    public func sequence(of item: Int) -> [Int] {
        (Int(sequenceStart[item]) ..< Int(sequenceStart[item + 1])).map { Int(sequenceTokens[$0]) }
    }
    @inline(__always) public func leaf(of item: Int) -> Int { Int(itemLeaf[item]) }
    @inline(__always) public func parent(of node: Int) -> Int? { node == 0 ? nil : Int(parent[node]) }
    /// Tokens between the root and `node`.
    @inline(__always) public func depth(of node: Int) -> Int { Int(depth[node]) }
    /// How many items have IDs through `node`.
    @inline(__always) public func itemCount(below node: Int) -> Int { Int(itemsBelow[node]) }
    /// The longest ID (EOS included) through `node`.
    @inline(__always) public func longestLength(below node: Int) -> Int { Int(longestBelow[node]) }
    /// The longest ID in the trie, EOS included.
    public var maxLength: Int { Int(longestBelow[0]) }
}

extension Trie {
    /// Nodes whose every item is in `items`: decoders that exclude a user's history skip them, so no beam
    /// slot is spent on a branch that can only end in an excluded item.
    public func blockedNodes(excluding items: [Int]) -> Set<Int> {
        var excludedBelow: [Int: Int] = [:]
        for item in Set(items) where item >= 0 && item < itemCount {
            var n: Int? = leaf(of: item)
            while let m = n { excludedBelow[m, default: 0] += 1; n = parent(of: m) }
        }
        var blocked = Set<Int>()
        for (n, c) in excludedBelow where c == itemCount(below: n) { blocked.insert(n) }
        return blocked
    }
}
