// k-way spectral clustering of a weighted undirected graph (Ng, Jordan & Weiss 2001): the top-k eigenvectors
// of the normalized adjacency, rows scaled to unit length, clustered by seeded k-means++.
// Co-occurrence graphs of recommendation data are sparse, with many tiny components and isolated items, on
// which plain normalized spectral clustering returns one giant cluster and k−1 crumbs; so the adjacency is
// regularized with τ/n·11ᵀ, τ = `regularization` × mean degree (Qin & Rohe 2013, "Regularized spectral
// clustering under the degree-corrected stochastic block model"), applied implicitly (never densified).
// Eigenvectors come from the subspace iteration (see SubspaceEigensolver for why not dense LAPACK), on the
// shifted operator (I + Â)/2, whose spectrum lies in [0, 1] with the wanted eigenvalues on top.
// OpenP5 uses scikit-learn's SpectralClustering(affinity="precomputed", assign_labels="cluster_qr"); k-means
// on the NJW embedding is the classic labelling and keeps every choice under our seed.
//
// Legend: N nodes, K clusters.

public struct SpectralClustering {
    public var clusters: Int                   // K
    public var regularization: Float = 1       // τ as a multiple of the mean degree
    public var eigenIterations: Int = 300
    public var eigenTolerance: Float = 1e-3
    public var kmeansRestarts: Int = 3

    public init(clusters: Int, regularization: Float = 1, eigenIterations: Int = 300, eigenTolerance: Float = 1e-3,
                kmeansRestarts: Int = 3) {
        self.clusters = clusters
        self.regularization = regularization
        self.eigenIterations = eigenIterations
        self.eigenTolerance = eigenTolerance
        self.kmeansRestarts = kmeansRestarts
    }

    public struct Result {
        public var labels: [Int]               // [N] in 0..<K
        public var embedding: [Float]          // [N, K] row-normalized spectral coordinates
        public var eigenIterations: Int
        public var converged: Bool
    }

    /// Clusters the symmetric `graph`; nil when it has no edges (nothing to cluster on).
    public func fit(_ graph: SparseMatrix, rng: inout SplitMix64) -> Result? {
        let n = graph.rows
        let degree = graph.rowSums()                                           // [N]
        let total = degree.reduce(0, +)
        guard n > 1, total > 0 else { return nil }
        let k = min(clusters, n)
        let tau = regularization * total / Float(n)
        let scale = degree.map { 1 / ($0 + tau).squareRoot() }               // D_τ^{-1/2}
        let solver = SubspaceEigensolver(wanted: k, maxIterations: eigenIterations, tolerance: eigenTolerance)
        let eig = solver.solve(size: n, rng: &rng) { x, b in
            var scaled = x
            for i in 0..<n { for c in 0..<b { scaled[i * b + c] *= scale[i] } }
            var y = graph.multiply(scaled, width: b)
            var column = [Float](repeating: 0, count: b)                       // 1ᵀ D^{-1/2} X
            for i in 0..<n { for c in 0..<b { column[c] += scaled[i * b + c] } }
            let t = tau / Float(n)
            for i in 0..<n {
                for c in 0..<b {
                    let ay = scale[i] * (y[i * b + c] + t * column[c])
                    y[i * b + c] = 0.5 * (x[i * b + c] + ay)
                }
            }
            return y
        }
        var embedding = eig.vectors                                            // [N, K]
        for i in 0..<n {
            var norm: Float = 0
            for j in 0..<k { norm += embedding[i * k + j] * embedding[i * k + j] }
            let s = norm > 0 ? 1 / norm.squareRoot() : 0
            for j in 0..<k { embedding[i * k + j] *= s }
        }
        let km = KMeans(clusters: k, iterations: 100, restarts: kmeansRestarts).fit(embedding, count: n, dimensions: k, rng: &rng)
        return Result(labels: km.assignment, embedding: embedding, eigenIterations: eig.iterations, converged: eig.converged)
    }
}
