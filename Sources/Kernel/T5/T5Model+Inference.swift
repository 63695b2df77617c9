// Building blocks of the cached decoder step (T5IncrementalDecoder) on plain buffers: no tape, no dropout,
// nothing of the model written (shards of a decode run them side by side). A residual add is folded into the
// product that makes it (x += ctx · Woᵀ with β = 1: no add pass, and OpenBLAS does not zero C first), and the
// feed-forward activation is applied in place. The arithmetic is the training path's (the same RMS-norm row
// and GELU value); only the order of each residual add differs.
//
// Legend: D d_model, F d_ff.
import Foundation

extension T5Model {
    /// x[m, D] += wo · act(normed[m, D]) with `inner` (and, gated, `gate`) [m, F] as scratch.
    static func feedForward(_ ff: T5FeedForward, rows m: Int, _ normed: UnsafePointer<Float>, inner: UnsafeMutablePointer<Float>,
                            gate: UnsafeMutablePointer<Float>?, into x: UnsafeMutablePointer<Float>, width d: Int) {
        let f = ff.wo.shape[1]
        if let wi = ff.wi {                                                  // wo · relu(wi · x)
            wi.data.withUnsafeBufferPointer { parallelSgemm(false, true, m, f, d, normed, $0.baseAddress!, inner) }
            Parallel.chunks(m * f) { range in for i in range { inner[i] = Swift.max(inner[i], 0) } }
        } else {                                                             // wo · (gelu(wi0 · x) ⊙ wi1 · x)
            ff.wi0!.data.withUnsafeBufferPointer { parallelSgemm(false, true, m, f, d, normed, $0.baseAddress!, inner) }
            ff.wi1!.data.withUnsafeBufferPointer { parallelSgemm(false, true, m, f, d, normed, $0.baseAddress!, gate!) }
            Parallel.chunks(m * f) { range in for i in range { inner[i] = Tensor.geluValue(inner[i]) * gate![i] } }
        }
        ff.wo.data.withUnsafeBufferPointer { parallelSgemm(false, true, m, d, f, inner, $0.baseAddress!, x, accumulate: true) }
    }

    /// c = a · wᵀ (or c += a · wᵀ): a [R, in], w [out, in], c [R, out].
    static func product(_ a: [Float], _ w: Tensor, into c: inout [Float], accumulate: Bool = false) {
        let out = w.shape[0], inner = w.shape[1], rows = a.count / Swift.max(inner, 1)
        a.withUnsafeBufferPointer { ap in w.data.withUnsafeBufferPointer { wp in c.withUnsafeMutableBufferPointer { cp in
            parallelSgemm(false, true, rows, out, inner, ap.baseAddress!, wp.baseAddress!, cp.baseAddress!, accumulate: accumulate)
        } } }
    }

    /// T5's RMS norm of every row of x into y.
    static func normalize(_ x: [Float], _ weight: Tensor, into y: inout [Float], width d: Int, epsilon: Float) {
        x.withUnsafeBufferPointer { xp in weight.data.withUnsafeBufferPointer { wp in y.withUnsafeMutableBufferPointer { yp in
            let X = xp.baseAddress!, W = wp.baseAddress!, Y = yp.baseAddress!
            Parallel.forEach(xp.count / d, minimumWork: d * 4) { r in _ = Tensor.rmsNormRow(X + r * d, W, Y + r * d, d, epsilon) }
        } } }
    }
}
