// Standard layer norm (Ba et al. 2016; torch.nn.LayerNorm), for models outside T5 (SASRec).
//   μ = mean(x),  r = 1/√(mean((x−μ)²) + ε),  x̂ = (x−μ)·r,  y = w ⊙ x̂ + b
//   with g = dy ⊙ w:  dx = r·(g − mean(g) − x̂·mean(g ⊙ x̂)),  dw = Σ_rows dy ⊙ x̂,  db = Σ_rows dy
// Shapes: x [..., D], weight [D], bias [D].

extension Tensor {
    public func layerNorm(weight w: Tensor, bias b: Tensor, epsilon: Float = 1e-5) -> Tensor {
        let x = self
        let d = shape.last!, rows = count / max(d, 1)
        precondition(w.shape == [d] && b.shape == [d], "layerNorm weight \(w.shape) / bias \(b.shape) do not match width \(d)")
        var y = [Float](repeating: 0, count: count)
        var xhat = [Float](repeating: 0, count: count)
        var inv = [Float](repeating: 0, count: rows)
        for r in 0..<rows {
            var mu: Float = 0
            for i in 0..<d { mu += x.data[r * d + i] }
            mu /= Float(d)
            var v: Float = 0
            for i in 0..<d { let c = x.data[r * d + i] - mu; v += c * c }
            let rr = 1 / (v / Float(d) + epsilon).squareRoot()
            inv[r] = rr
            for i in 0..<d {
                let h = (x.data[r * d + i] - mu) * rr
                xhat[r * d + i] = h
                y[r * d + i] = w.data[i] * h + b.data[i]
            }
        }
        return Tensor(shape: shape, data: y, parents: [x, w, b]) { t in
            let dy = t.grad!
            if x.requiresGrad {
                x.accumulate { gx in
                    for r in 0..<rows {
                        var mg: Float = 0, mgx: Float = 0
                        for i in 0..<d {
                            let g = dy[r * d + i] * w.data[i]
                            mg += g
                            mgx += g * xhat[r * d + i]
                        }
                        mg /= Float(d)
                        mgx /= Float(d)
                        for i in 0..<d {
                            let g = dy[r * d + i] * w.data[i]
                            gx[r * d + i] += inv[r] * (g - mg - xhat[r * d + i] * mgx)
                        }
                    }
                }
            }
            if w.requiresGrad {
                w.accumulate { gw in
                    for r in 0..<rows { for i in 0..<d { gw[i] += dy[r * d + i] * xhat[r * d + i] } }
                }
            }
            if b.requiresGrad {
                b.accumulate { gb in
                    for r in 0..<rows { for i in 0..<d { gb[i] += dy[r * d + i] } }
                }
            }
        }
    }
}
