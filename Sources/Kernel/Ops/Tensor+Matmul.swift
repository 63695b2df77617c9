// Matrix products on OpenBLAS. Legend: M, K, N matrix sizes; G independent products in a batch.
//
//   matmul(a [..., M, K], b [K, N])            y = a·b      (NN; leading dims of a fold into M)
//   matmul(a, b, transposeB: true)  b [N, K]   y = a·bᵀ     (NT: HF Linear weights are [out, in])
//   batchedMatmul(a [G, M, K], b [G, K, N])    per-g products, spread over the cores (OpenBLAS does not
//                                              thread many small GEMMs; we run it at 1 thread and split G)
// Backward of y = a·b: da = dy·bᵀ, db = aᵀ·dy — the NT and TN variants of the same call.
import CBLAS
import Foundation

/// Raw sgemm on row-major buffers: C[M,N] (+)= op(A)·op(B), on the calling thread (OpenBLAS pinned to one
/// thread: the Kernel splits large products over the cores itself, so idle BLAS threads never spin-wait
/// against our workers — that spinning was a fifth of a profiled training run).
@inline(__always)
func sgemm(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
           _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
           accumulate: Bool = false, alpha: Float = 1) {
    sgemm(transA, transB, m, n, k, a, transA ? m : k, b, transB ? k : n, c, n, accumulate: accumulate, alpha: alpha)
}

@inline(__always)
func sgemm(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
           _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
           _ c: UnsafeMutablePointer<Float>, _ ldc: Int, accumulate: Bool = false, alpha: Float = 1) {
    if m == 0 || n == 0 { return }
    Parallel.pinBLAS
    if k == 0 {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb),
                accumulate ? 1 : 0, c, Int32(ldc))
}

/// A large product split over the workers along its larger output dimension (rows of C, or columns).
/// Every output element is computed by the same single-threaded kernel either way.
func parallelSgemm(_ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
                   _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                   accumulate: Bool = false) {
    let w = Parallel.workers
    if w <= 1 || m * n * k < 2_000_000 {
        sgemm(transA, transB, m, n, k, a, b, c, accumulate: accumulate)
        return
    }
    let lda = transA ? m : k, ldb = transB ? k : n
    if m >= n {
        Parallel.forEach(w, minimumWork: m * n * k) { part in
            let r0 = m * part / w, r1 = m * (part + 1) / w
            if r1 > r0 {
                sgemm(transA, transB, r1 - r0, n, k, a + (transA ? r0 : r0 * k), lda, b, ldb, c + r0 * n, n, accumulate: accumulate)
            }
        }
    } else {
        Parallel.forEach(w, minimumWork: m * n * k) { part in
            let c0 = n * part / w, c1 = n * (part + 1) / w
            if c1 > c0 {
                sgemm(transA, transB, m, c1 - c0, k, a, lda, b + (transB ? c0 * k : c0), ldb, c + c0, n, accumulate: accumulate)
            }
        }
    }
}

extension Tensor {
    /// a [..., M, K] · b [K, N] (or bᵀ with b [N, K] when `transposeB`) → [..., M, N].
    public func matmul(_ b: Tensor, transposeB: Bool = false) -> Tensor {
        let a = self
        precondition(a.rank >= 1 && b.rank == 2, "matmul needs a [..., K] and b 2-D, got \(a.shape) and \(b.shape)")
        let k = a.shape.last!
        let m = a.count / max(k, 1)
        let n = transposeB ? b.shape[0] : b.shape[1]
        precondition((transposeB ? b.shape[1] : b.shape[0]) == k, "matmul inner sizes differ: \(a.shape) · \(b.shape)\(transposeB ? "ᵀ" : "")")
        var out = [Float].uninitialized(m * n)
        a.data.withUnsafeBufferPointer { ap in b.data.withUnsafeBufferPointer { bp in out.withUnsafeMutableBufferPointer { cp in
            parallelSgemm(false, transposeB, m, n, k, ap.baseAddress!, bp.baseAddress!, cp.baseAddress!)
        } } }
        return Tensor(shape: Array(a.shape.dropLast()) + [n], data: out, parents: [a, b]) { y in
            let dy = y.grad!
            // A first contribution is written with β = 0 (no zero-fill pass), later ones added with β = 1.
            if a.requiresGrad {
                a.accumulate(assigningIfFresh: { ga, fresh in dy.withUnsafeBufferPointer { gp in b.data.withUnsafeBufferPointer { bp in
                    // da[M,K] += dy[M,N] · (transposeB ? b[N,K] : b[K,N]ᵀ)
                    parallelSgemm(false, !transposeB, m, k, n, gp.baseAddress!, bp.baseAddress!, ga, accumulate: !fresh)
                } } })
            }
            if b.requiresGrad {
                b.accumulate(assigningIfFresh: { gb, fresh in dy.withUnsafeBufferPointer { gp in a.data.withUnsafeBufferPointer { ap in
                    if transposeB { // db[N,K] += dyᵀ[N,M] · a[M,K]
                        parallelSgemm(true, false, n, k, m, gp.baseAddress!, ap.baseAddress!, gb, accumulate: !fresh)
                    } else {        // db[K,N] += aᵀ[K,M] · dy[M,N]
                        parallelSgemm(true, false, k, n, m, ap.baseAddress!, gp.baseAddress!, gb, accumulate: !fresh)
                    }
                } } })
            }
        }
    }

    /// The "soft embedding" of IDGenRec: probabilities [N, V] × embedding table [V, D] → [N, D], with
    /// gradients flowing into both the probabilities (the ID generator) and the table.
    public func softEmbedding(table: Tensor) -> Tensor { matmul(table) }

    /// Per-g products: a [G, M, K] · b [G, K, N] → [G, M, N]; `transposeA`/`transposeB` read a as [G, K, M]
    /// and b as [G, N, K]. Spread over `Parallel.workers` threads, each calling single-threaded sgemm.
    public func batchedMatmul(_ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        let a = self
        precondition(a.rank == 3 && b.rank == 3 && a.shape[0] == b.shape[0], "batchedMatmul needs [G, ., .] operands, got \(a.shape), \(b.shape)")
        let g = a.shape[0]
        let m = transposeA ? a.shape[2] : a.shape[1]
        let k = transposeA ? a.shape[1] : a.shape[2]
        let n = transposeB ? b.shape[1] : b.shape[2]
        precondition((transposeB ? b.shape[2] : b.shape[1]) == k, "batchedMatmul inner sizes differ: \(a.shape), \(b.shape)")
        var out = [Float].uninitialized(g * m * n)
        Tensor.bgemm(transposeA, transposeB, g, m, n, k, a.data, b.data, &out, accumulate: false)
        return Tensor(shape: [g, m, n], data: out, parents: [a, b]) { y in
            let dy = y.grad!
            if a.requiresGrad {
                a.accumulate(assigningIfFresh: { ga, fresh in
                    let ga = UnsafeMutableBufferPointer(start: ga, count: a.count)
                    if !transposeA { // da[M,K] = dy[M,N] · op(b)ᵀ
                        Tensor.bgemm(false, !transposeB, g, m, k, n, dy, b.data, ga, accumulate: !fresh)
                    } else {         // da[K,M] = op(b)[K,N] · dyᵀ[N,M]
                        Tensor.bgemm(transposeB, true, g, k, m, n, b.data, dy, ga, accumulate: !fresh)
                    }
                })
            }
            if b.requiresGrad {
                b.accumulate(assigningIfFresh: { gb, fresh in
                    let gb = UnsafeMutableBufferPointer(start: gb, count: b.count)
                    if !transposeB { // db[K,N] = op(a)ᵀ[K,M] · dy[M,N]
                        Tensor.bgemm(!transposeA, false, g, k, n, m, a.data, dy, gb, accumulate: !fresh)
                    } else {         // db[N,K] = dyᵀ[N,M] · op(a)[M,K]
                        Tensor.bgemm(true, transposeA, g, n, k, m, dy, a.data, gb, accumulate: !fresh)
                    }
                })
            }
        }
    }

    /// G products C_g[M,N] (+)= op(A_g)·op(B_g) over contiguous [G, ., .] buffers, split across workers.
    static func bgemm(_ tA: Bool, _ tB: Bool, _ g: Int, _ m: Int, _ n: Int, _ k: Int,
                      _ a: [Float], _ b: [Float], _ c: UnsafeMutableBufferPointer<Float>, accumulate: Bool) {
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in
            let A = ap.baseAddress!, B = bp.baseAddress!, C = c.baseAddress!
            Parallel.forEach(g, minimumWork: m * n * k) { i in
                sgemm(tA, tB, m, n, k, A + i * m * k, B + i * k * n, C + i * m * n, accumulate: accumulate)
            }
        } }
    }

    static func bgemm(_ tA: Bool, _ tB: Bool, _ g: Int, _ m: Int, _ n: Int, _ k: Int,
                      _ a: [Float], _ b: [Float], _ c: inout [Float], accumulate: Bool) {
        c.withUnsafeMutableBufferPointer { cp in bgemm(tA, tB, g, m, n, k, a, b, cp, accumulate: accumulate) }
    }
}
