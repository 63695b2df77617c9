// T5's layer norm: RMS only — no mean subtraction, no bias (HF T5LayerNorm).
//   r = 1/√(mean(x²) + ε),  y = w ⊙ x·r
//   dx_i = r·w_i·dy_i − x_i·r³/D · Σ_j dy_j·w_j·x_j,   dw_j = Σ_rows dy_j·x_j·r
// Shapes: x [..., D], weight [D].

extension Tensor {
    public func rmsNorm(weight w: Tensor, epsilon: Float) -> Tensor {
        let x = self
        let d = shape.last!, rows = count / max(d, 1)
        precondition(w.shape == [d], "rmsNorm weight \(w.shape) does not match width \(d)")
        var y = [Float].uninitialized(count)
        var inv = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            var ss: Float = 0
            for i in 0..<d { let v = x.data[r * d + i]; ss += v * v }
            let rr = 1 / (ss / Float(d) + epsilon).squareRoot()
            inv[r] = rr
            for i in 0..<d { y[r * d + i] = w.data[i] * (x.data[r * d + i] * rr) }
        }
        return Tensor(shape: shape, data: y, parents: [x, w]) { t in
            let dy = t.grad!
            if x.requiresGrad {
                x.accumulate { g in
                    for r in 0..<rows {
                        let rr = inv[r]
                        var dot: Float = 0
                        for i in 0..<d { dot += dy[r * d + i] * w.data[i] * x.data[r * d + i] }
                        let c = rr * rr * rr / Float(d) * dot
                        for i in 0..<d { g[r * d + i] += rr * w.data[i] * dy[r * d + i] - x.data[r * d + i] * c }
                    }
                }
            }
            if w.requiresGrad {
                w.accumulate { g in
                    for r in 0..<rows {
                        for i in 0..<d { g[i] += dy[r * d + i] * x.data[r * d + i] * inv[r] }
                    }
                }
            }
        }
    }
}
