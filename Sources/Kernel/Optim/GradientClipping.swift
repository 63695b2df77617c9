// Global gradient-norm clipping (torch.nn.utils.clip_grad_norm_): if ‖g‖₂ over all parameters exceeds
// maxNorm, every gradient is scaled by maxNorm / (‖g‖ + 1e-6).
//
// Training loops use `scale(_:maxNorm:)` and hand the factor to `AdamW.update(gradientScale:)`, which
// multiplies each gradient as it reads it: the same values as scaling the gradients in place, without a
// pass that reads and writes every gradient. `clip` does the in-place scaling for other callers.
//
// The squared norm is summed in Double over fixed blocks of 65,536 values (8 running sums each, block sums
// added in order), so it is the same for any number of workers.

public enum GradientClipping {
    /// Scales the gradients in place; returns the norm before clipping.
    @discardableResult
    public static func clip(_ parameters: [Tensor], maxNorm: Float) -> Float {
        let (norm, coef) = scale(parameters, maxNorm: maxNorm)
        if coef < 1 {
            for p in parameters where p.grad != nil {
                p.grad!.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= coef } }
            }
        }
        return norm
    }

    /// The global norm and the factor to multiply every gradient by (1 when the norm is within `maxNorm`).
    public static func scale(_ parameters: [Tensor], maxNorm: Float) -> (norm: Float, factor: Float) {
        var ss: Double = 0
        for p in parameters { if let g = p.grad { ss += sumOfSquares(g) } }
        let norm = Float(ss.squareRoot())
        let coef = maxNorm / (norm + 1e-6)
        return (norm, coef < 1 ? coef : 1)
    }

    static func sumOfSquares(_ g: [Float]) -> Double {
        let block = 65_536, blocks = (g.count + block - 1) / block
        guard blocks > 0 else { return 0 }
        var sums = [Double](repeating: 0, count: blocks)
        g.withUnsafeBufferPointer { gp in sums.withUnsafeMutableBufferPointer { sp in
            let G = gp.baseAddress!, S = sp.baseAddress!, n = g.count
            Parallel.forEach(blocks, minimumWork: block) { b in
                var lanes = SIMD8<Double>()
                var i = b * block
                let end = Swift.min(n, i + block)
                while i + 8 <= end {
                    let x = SIMD8<Double>(Double(G[i]), Double(G[i + 1]), Double(G[i + 2]), Double(G[i + 3]),
                                          Double(G[i + 4]), Double(G[i + 5]), Double(G[i + 6]), Double(G[i + 7]))
                    lanes = lanes + x * x
                    i += 8
                }
                var s = lanes.sum()
                while i < end { s += Double(G[i]) * Double(G[i]); i += 1 }
                S[b] = s
            }
        } }
        return sums.reduce(0, +)
    }
}
