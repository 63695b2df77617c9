// Thin dense blocks (tall row-major matrices with a few dozen columns) and the BLAS/LAPACK calls the
// eigensolver, the randomized SVD and k-means share: products, orthonormalization, small eigenproblems.
//
// Legend: N rows (items or terms), B block width, all row-major.
import CBLAS

public enum DenseBlock {
    /// A [m, k] · B [k, n] (optionally transposed operands), row-major, through sgemm.
    public static func multiply(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int,
                                transposeA: Bool = false, transposeB: Bool = false) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        guard m > 0, n > 0, k > 0 else { return c }
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
                    0, &c, Int32(n))
        return c
    }

    /// Orthonormalizes the columns of X [N, B] in place: modified Gram–Schmidt, run twice ("twice is enough",
    /// Giraud et al. 2005). A column that vanishes (rank deficiency) is replaced by a fresh random one.
    public static func orthonormalizeColumns(_ x: inout [Float], rows n: Int, width b: Int, rng: inout SplitMix64) {
        for _ in 0..<2 {
            for j in 0..<b {
                var attempts = 0
                while true {
                    x.withUnsafeMutableBufferPointer { p in
                        let base = p.baseAddress!
                        for i in 0..<j {
                            let d = cblas_sdot(Int32(n), base + i, Int32(b), base + j, Int32(b))
                            cblas_saxpy(Int32(n), -d, base + i, Int32(b), base + j, Int32(b))
                        }
                    }
                    let norm = x.withUnsafeBufferPointer { cblas_snrm2(Int32(n), $0.baseAddress! + j, Int32(b)) }
                    if norm > 1e-6 || attempts > 3 {
                        let s = norm > 0 ? 1 / norm : 0
                        x.withUnsafeMutableBufferPointer { cblas_sscal(Int32(n), s, $0.baseAddress! + j, Int32(b)) }
                        break
                    }
                    for i in 0..<n { x[i * b + j] = rng.nextNormal() }
                    attempts += 1
                }
            }
        }
    }

    /// All eigenpairs of the symmetric S [B, B] (LAPACK ssyevd), eigenvalues in DESCENDING order;
    /// vectors returned row-major [B, B] with eigenvector j in column j.
    public static func symmetricEigen(_ s: [Float], size b: Int) -> (values: [Float], vectors: [Float]) {
        guard b > 0 else { return ([], []) }
        var a = s  // symmetric: row- and column-major agree
        var w = [Float](repeating: 0, count: b)
        var n = Int32(b), lda = Int32(b), info: Int32 = 0
        var jobz = CChar(UInt8(ascii: "V")), uplo = CChar(UInt8(ascii: "U"))
        var lwork: Int32 = -1, liwork: Int32 = -1
        var wq: Float = 0, iwq: Int32 = 0
        ssyevd_(&jobz, &uplo, &n, &a, &lda, &w, &wq, &lwork, &iwq, &liwork, &info)
        lwork = Int32(wq) + 1
        liwork = iwq
        var work = [Float](repeating: 0, count: Int(lwork))
        var iwork = [Int32](repeating: 0, count: Int(liwork))
        ssyevd_(&jobz, &uplo, &n, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        precondition(info == 0, "ssyevd failed with info \(info) on a \(b)×\(b) matrix")
        // a is column-major: column j (ascending eigenvalue j) = a[j*b ..< (j+1)*b]. Reverse to descending.
        var values = [Float](repeating: 0, count: b)
        var vectors = [Float](repeating: 0, count: b * b)
        for j in 0..<b {
            let src = b - 1 - j
            values[j] = w[src]
            for i in 0..<b { vectors[i * b + j] = a[src * b + i] }
        }
        return (values, vectors)
    }
}
