// The k largest eigenpairs of a symmetric operator known only by its action on thin blocks: block subspace
// iteration with Rayleigh–Ritz (Saad, "Numerical Methods for Large Eigenvalue Problems", ch. 5).
// Why not dense LAPACK: the co-occurrence graph of Beauty has 12,101 nodes; a dense ssyevr would need a
// 586 MB matrix and ~2.4·10¹² flops of tridiagonalization on 2 cores, while each iteration here costs one
// sparse product with a B-column block (nnz·B) plus O(N·B²) of BLAS. Spectral clustering needs only the
// subspace, not 7 exact digits, so a residual tolerance of 1e-3 suffices. The operator must be positive
// semidefinite (the caller shifts), because subspace iteration finds the eigenvalues of largest magnitude.
//
// Legend: N operator size, K wanted pairs, B = K + oversampling block width.

public struct SubspaceEigensolver {
    public var wanted: Int                // K
    public var oversampling: Int = 10     // extra block columns: convergence rate is λ_{B+1}/λ_K
    public var maxIterations: Int = 300
    public var tolerance: Float = 1e-3    // on ‖A x − θ x‖ of each of the K Ritz pairs (unit x)

    public init(wanted: Int, oversampling: Int = 10, maxIterations: Int = 300, tolerance: Float = 1e-3) {
        self.wanted = wanted
        self.oversampling = oversampling
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    public struct Result {
        public var values: [Float]        // [K] descending
        public var vectors: [Float]       // [N, K] row-major, orthonormal columns
        public var iterations: Int
        public var converged: Bool
    }

    /// `apply(X [N, B], B) → A·X [N, B]`.
    public func solve(size n: Int, rng: inout SplitMix64, apply: ([Float], Int) -> [Float]) -> Result {
        let k = min(wanted, n)
        let b = min(n, k + oversampling)
        var q = (0..<(n * b)).map { _ in rng.nextNormal() }
        DenseBlock.orthonormalizeColumns(&q, rows: n, width: b, rng: &rng)
        var values = [Float](repeating: 0, count: b)
        var ritz = q
        var iteration = 0
        var converged = false
        while iteration < maxIterations {
            iteration += 1
            let aq = apply(q, b)                                                          // [N, B]
            let h = DenseBlock.multiply(q, aq, m: b, n: b, k: n, transposeA: true)        // [B, B]
            let sym = (0..<(b * b)).map { (h[$0] + h[($0 % b) * b + $0 / b]) / 2 }
            let (theta, w) = DenseBlock.symmetricEigen(sym, size: b)
            values = theta
            ritz = DenseBlock.multiply(q, w, m: n, n: b, k: b)                            // [N, B]
            let aRitz = DenseBlock.multiply(aq, w, m: n, n: b, k: b)                      // [N, B]
            var worst: Float = 0
            for j in 0..<k {
                var r: Float = 0
                for i in 0..<n { let d = aRitz[i * b + j] - theta[j] * ritz[i * b + j]; r += d * d }
                worst = max(worst, r.squareRoot())
            }
            if worst < tolerance || b == n { converged = true; break }
            q = aRitz
            DenseBlock.orthonormalizeColumns(&q, rows: n, width: b, rng: &rng)
        }
        var vectors = [Float](repeating: 0, count: n * k)
        for i in 0..<n { for j in 0..<k { vectors[i * k + j] = ritz[i * b + j] } }
        return Result(values: Array(values.prefix(k)), vectors: vectors, iterations: iteration, converged: converged)
    }
}
