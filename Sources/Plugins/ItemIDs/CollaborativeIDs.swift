// `collaborative` item IDs (P5-CID; Hua et al. 2023 §4.2, OpenP5 `generate_collaborative_id`): items that
// co-occur in users' training sequences share ID prefixes. Spectral clustering splits the co-occurrence graph
// into `cluster_count` clusters, recursively, until every cluster holds at most `leaf_size` items; an item's ID
// is its cluster path as atomic tokens, one namespace per level (`<c1_3><c2_7>`), then its index within the
// leaf (`<i_12>`). Defaults follow OpenP5: 20 clusters per level, leaf size 200 (`collaborative_token_size`).
//
// Graph: OpenP5 links every pair of items in a user's training sequence (`itertools.combinations`); `window`
// restricts links to items at most that many positions apart. Built from training sequences only. Items that
// never occur in training are isolated nodes; the regularized clustering (SpectralClustering) gathers them, and
// a cluster without edges is cut into equal chunks in catalog order — as is any cluster spectral clustering
// cannot split, so recursion always terminates. OpenP5's last token for such items was a random index that
// could collide; here every leaf index is unique within its leaf.
// Solver: block subspace iteration on the implicitly regularized normalized adjacency, sparse products only
// (see SubspaceEigensolver) — a dense LAPACK eigensolver on 12,101 nodes would not fit the 2-minute budget.
//
// Legend: N items, K clusters per level.

public struct CollaborativeIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// Clusters per level (OpenP5 `collaborative_cluster` = 20).
        public var clusterCount: Int = 20
        /// Largest cluster that is not split further; the leaf index ranges over it (OpenP5 `collaborative_token_size` = 200).
        public var leafSize: Int = 200
        /// Co-occurrence window in positions; nil = every pair in a user's training sequence (OpenP5).
        public var window: Int? = nil
        /// Regularization τ as a multiple of the mean degree (Qin & Rohe 2013).
        public var regularization: Float = 1
        /// Subspace-iteration budget and residual tolerance.
        public var eigenIterations: Int = 300
        public var eigenTolerance: Float = 1e-3
        /// Seeded k-means++ restarts on the spectral embedding (best inertia kept).
        public var kmeansRestarts: Int = 3

        public init() {}
        public init(clusterCount: Int = 20, leafSize: Int = 200, window: Int? = nil, regularization: Float = 1,
                    eigenIterations: Int = 300, eigenTolerance: Float = 1e-3, kmeansRestarts: Int = 3) {
            self.clusterCount = clusterCount
            self.leafSize = leafSize
            self.window = window
            self.regularization = regularization
            self.eigenIterations = eigenIterations
            self.eigenTolerance = eigenTolerance
            self.kmeansRestarts = kmeansRestarts
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(clusterCount >= 2, "cluster_count", "must be at least 2 (got \(clusterCount))")
            c.require(leafSize >= 1, "leaf_size", "must be at least 1 (got \(leafSize))")
            return c.problems
        }
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        try TokenSequenceKey.validate(input, strategy: "collaborative")
        if let p = config.validate().first { throw ItemIDError.invalidConfig(strategy: "collaborative", key: p.key, problem: p.message) }
        let n = input.catalog.count
        let graph = cooccurrenceGraph(input.trainingSequences, items: n)
        var rng = SplitMix64(seed: input.seed).derived("item-ids.collaborative")
        let clustering = SpectralClustering(clusters: config.clusterCount, regularization: config.regularization,
                                            eigenIterations: config.eigenIterations, eigenTolerance: config.eigenTolerance,
                                            kmeansRestarts: config.kmeansRestarts)
        var paths = [[Int]](repeating: [], count: n)                     // [N] cluster path
        var leafIndex = [Int](repeating: 0, count: n)                   // [N]
        var queue: [(members: [Int], path: [Int])] = [(Array(0..<n), [])]
        var head = 0
        var spectralSplits = 0, chunkedSplits = 0, unconverged = 0, maxIterations = 0
        while head < queue.count {
            let (members, path) = queue[head]
            head += 1
            if members.count <= config.leafSize {
                for (k, item) in members.enumerated() { paths[item] = path; leafIndex[item] = k }
                continue
            }
            var groups: [[Int]] = []
            if let result = clustering.fit(graph.submatrix(members), rng: &rng) {
                var byLabel = [[Int]](repeating: [], count: config.clusterCount)
                for (p, label) in result.labels.enumerated() { byLabel[label].append(members[p]) }
                groups = byLabel.filter { !$0.isEmpty }
                if !result.converged { unconverged += 1 }
                maxIterations = max(maxIterations, result.eigenIterations)
            }
            if groups.count >= 2 {
                spectralSplits += 1
            } else {
                // No edges, or no split found: equal chunks in catalog order keep the recursion finite.
                let size = (members.count + config.clusterCount - 1) / config.clusterCount
                groups = stride(from: 0, to: members.count, by: size).map { Array(members[$0..<min($0 + size, members.count)]) }
                chunkedSplits += 1
            }
            groups.sort { $0[0] < $1[0] }                               // deterministic cluster numbering
            for (c, g) in groups.enumerated() { queue.append((g, path + [c])) }
        }
        return render(paths: paths, leafIndex: leafIndex, report: [
            "graph": "\(n) items, \(graph.nonZeroCount) co-occurrence entries from \(input.trainingSequences.count) training sequences"
                + (config.window.map { " (window \($0))" } ?? " (all pairs, as OpenP5)"),
            "solver": "subspace iteration on the regularized normalized adjacency + seeded k-means++; "
                + "\(spectralSplits) spectral splits (at most \(maxIterations) iterations, \(unconverged) unconverged), "
                + "\(chunkedSplits) chunked splits",
            "collisions": "none: unique leaf index within each cluster of at most \(config.leafSize) items",
        ])
    }

    /// Symmetric co-occurrence counts: pairs of distinct items within `window` positions of one training sequence.
    private func cooccurrenceGraph(_ sequences: [[Int]], items n: Int) -> SparseMatrix {
        var entries: [(row: Int, column: Int, value: Float)] = []
        for s in sequences {
            for i in 0..<s.count {
                let end = config.window.map { min(s.count, i + 1 + $0) } ?? s.count
                for j in (i + 1)..<max(i + 1, end) where s[i] != s[j] {
                    entries.append((s[i], s[j], 1))
                    entries.append((s[j], s[i], 1))
                }
            }
        }
        return SparseMatrix(rows: n, columns: n, entries: entries)
    }

    private func render(paths: [[Int]], leafIndex: [Int], report: [String: String]) -> ItemIDAssignment {
        var report = report
        var tokens = Set<String>()
        let ids = paths.indices.map { item -> String in
            var id = ""
            for (level, c) in paths[item].enumerated() {
                let t = "<c\(level + 1)_\(c)>"
                tokens.insert(t)
                id += t
            }
            let leaf = "<i_\(leafIndex[item])>"
            tokens.insert(leaf)
            return id + leaf
        }
        let depths = paths.map(\.count)
        report["depth"] = "cluster levels per item: min \(depths.min() ?? 0), max \(depths.max() ?? 0)"
        return ItemIDAssignment(ids: ids, addedTokens: tokens.sorted(), report: report)
    }
}
