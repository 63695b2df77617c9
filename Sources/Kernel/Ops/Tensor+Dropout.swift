// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator (two 24-bit uniforms per 64-bit draw). Identity outside
// training or when p = 0.

extension Tensor {
    public func dropout(_ p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        guard training, p > 0 else { return self }
        let x = self
        let scale = 1 / (1 - p)
        let threshold = UInt64(Double(p) * Double(1 << 24))   // keep when the 24-bit uniform ≥ p·2²⁴
        let n = count
        var keep = [Float].uninitialized(n)
        var y = [Float].uninitialized(n)
        keep.withUnsafeMutableBufferPointer { k in y.withUnsafeMutableBufferPointer { yp in data.withUnsafeBufferPointer { xp in
            var i = 0
            while i < n {
                let r = rng.next()
                k[i] = (r >> 40) >= threshold ? scale : 0
                yp[i] = xp[i] * k[i]
                if i + 1 < n {
                    k[i + 1] = ((r >> 8) & 0xFF_FFFF) >= threshold ? scale : 0
                    yp[i + 1] = xp[i + 1] * k[i + 1]
                }
                i += 2
            }
        } } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in for i in 0..<dy.count { g[i] += dy[i] * keep[i] } }
        }
    }
}
