// Global gradient-norm clipping (torch.nn.utils.clip_grad_norm_): if ‖g‖₂ over all parameters exceeds
// maxNorm, every gradient is scaled by maxNorm / (‖g‖ + 1e-6). Returns the norm before clipping.

public enum GradientClipping {
    @discardableResult
    public static func clip(_ parameters: [Tensor], maxNorm: Float) -> Float {
        var ss: Double = 0
        for p in parameters { if let g = p.grad { for x in g { ss += Double(x) * Double(x) } } }
        let norm = Float(ss.squareRoot())
        let coef = maxNorm / (norm + 1e-6)
        if coef < 1 {
            for p in parameters where p.grad != nil {
                p.grad!.withUnsafeMutableBufferPointer { g in for i in 0..<g.count { g[i] *= coef } }
            }
        }
        return norm
    }
}
