// Truncated SVD of a sparse matrix by randomized range finding with power iterations (Halko, Martinsson &
// Tropp 2011, Alg. 4.4 + 5.1): only sparse × thin-block products and a small dense eigenproblem, so a TF-IDF
// matrix of 12k items × 20k terms costs seconds. Used for TIGER-style RQ codes' item vectors.
//
// Legend: R rows (items), C columns (terms), K rank, L = K + oversampling.

public struct RandomizedSVD {
    public var rank: Int                   // K
    public var oversampling: Int = 10
    public var powerIterations: Int = 2    // sharpen a slowly decaying spectrum (text spectra decay slowly)

    public init(rank: Int, oversampling: Int = 10, powerIterations: Int = 2) {
        self.rank = rank
        self.oversampling = oversampling
        self.powerIterations = powerIterations
    }

    public struct Result {
        public var singularValues: [Float]   // [K] descending
        public var rowEmbedding: [Float]     // [R, K] = U Σ (the projection of each row on the top right singular vectors)
        public var rank: Int
    }

    public func decompose(_ a: SparseMatrix, rng: inout SplitMix64) -> Result {
        let r = a.rows, c = a.columns
        let l = max(1, min(rank + oversampling, min(r, c)))
        let k = min(rank, l)
        let omega = (0..<(c * l)).map { _ in rng.nextNormal() }
        var q = a.multiply(omega, width: l)                                           // [R, L]
        DenseBlock.orthonormalizeColumns(&q, rows: r, width: l, rng: &rng)
        for _ in 0..<powerIterations {
            var z = a.transposeMultiply(q, width: l)                                  // [C, L]
            DenseBlock.orthonormalizeColumns(&z, rows: c, width: l, rng: &rng)
            q = a.multiply(z, width: l)
            DenseBlock.orthonormalizeColumns(&q, rows: r, width: l, rng: &rng)
        }
        // B = Qᵀ A [L, C]; B Bᵀ = W Σ² Wᵀ; A ≈ Q W Σ Vᵀ, so U Σ = Q W Σ.
        let bt = a.transposeMultiply(q, width: l)                                      // [C, L] = Bᵀ
        let bbt = DenseBlock.multiply(bt, bt, m: l, n: l, k: c, transposeA: true)      // [L, L]
        let (sigma2, w) = DenseBlock.symmetricEigen(bbt, size: l)
        let u = DenseBlock.multiply(q, w, m: r, n: l, k: l)                           // [R, L]
        let sigma = sigma2.prefix(k).map { max(0, $0).squareRoot() }
        var embedding = [Float](repeating: 0, count: r * k)
        for i in 0..<r { for j in 0..<k { embedding[i * k + j] = u[i * l + j] * sigma[j] } }
        return Result(singularValues: sigma, rowEmbedding: embedding, rank: k)
    }
}
