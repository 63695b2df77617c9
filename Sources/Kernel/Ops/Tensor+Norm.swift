// T5's layer norm: RMS only — no mean subtraction, no bias (HF T5LayerNorm).
//   r = 1/√(mean(x²) + ε),  y = w ⊙ x·r
//   dx_i = r·w_i·dy_i − x_i·r³/D · Σ_j dy_j·w_j·x_j,   dw_j = Σ_rows dy_j·x_j·r
// Shapes: x [..., D], weight [D].

// Rows (and, for dw, columns) are spread over the cores; the row sums run in 16 lanes (VectorKernels).

extension Tensor {
    /// One row: y = w ⊙ x·r with r = 1/√(mean(x²) + ε); returns r. (Also the decoder's inference path.)
    @inline(__always)
    static func rmsNormRow(_ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>,
                           _ d: Int, _ epsilon: Float) -> Float {
        let ss = VectorKernels.dot(x, x, d)                                  // 16 lanes, not one chain
        let r = 1 / (ss / Float(d) + epsilon).squareRoot()
        for i in 0..<d { y[i] = w[i] * (x[i] * r) }
        return r
    }

    public func rmsNorm(weight w: Tensor, epsilon: Float) -> Tensor {
        let x = self
        let d = shape.last!, rows = count / max(d, 1)
        precondition(w.shape == [d], "rmsNorm weight \(w.shape) does not match width \(d)")
        guard count > 0 else { return Tensor(shape: shape, data: [], parents: [x, w]) { _ in } }
        var y = [Float].uninitialized(count)
        var inv = [Float].uninitialized(rows)
        x.data.withUnsafeBufferPointer { xp in w.data.withUnsafeBufferPointer { wp in
        y.withUnsafeMutableBufferPointer { yp in inv.withUnsafeMutableBufferPointer { ip in
            let X = xp.baseAddress!, W = wp.baseAddress!, Y = yp.baseAddress!, I = ip.baseAddress!
            Parallel.forEach(rows, minimumWork: d * 4) { r in I[r] = Tensor.rmsNormRow(X + r * d, W, Y + r * d, d, epsilon) }
        } } } }
        return Tensor(shape: shape, data: y, parents: [x, w]) { t in
            t.grad!.withUnsafeBufferPointer { dp in x.data.withUnsafeBufferPointer { xp in
            w.data.withUnsafeBufferPointer { wp in inv.withUnsafeBufferPointer { ip in
                let D = dp.baseAddress!, X = xp.baseAddress!, W = wp.baseAddress!, I = ip.baseAddress!
                if x.requiresGrad {
                    x.accumulate(assigningIfFresh: { g, fresh in
                        Parallel.forEach(rows, minimumWork: d * 6) { r in
                            let rr = I[r], dr = D + r * d, xr = X + r * d, gr = g + r * d
                            let dot = VectorKernels.dot3(dr, W, xr, d)
                            let c = rr * rr * rr / Float(d) * dot
                            if fresh {
                                for i in 0..<d { gr[i] = rr * W[i] * dr[i] - xr[i] * c }
                            } else {
                                for i in 0..<d { gr[i] += rr * W[i] * dr[i] - xr[i] * c }
                            }
                        }
                    })
                }
                if w.requiresGrad {
                    w.accumulate { gw in
                        let G = gw.baseAddress!, parts = Swift.min(Parallel.workers, d)
                        Parallel.forEach(parts, minimumWork: rows * d / parts * 3) { p in
                            let lo = d * p / parts, hi = d * (p + 1) / parts
                            for r in 0..<rows {
                                let dr = D + r * d, xr = X + r * d, rr = I[r]
                                for i in lo..<hi { G[i] += dr[i] * xr[i] * rr }
                            }
                        }
                    }
                }
            } } } }
        }
    }
}
