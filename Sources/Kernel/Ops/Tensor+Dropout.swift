// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator (one draw seeds per-chunk sub-streams, two 24-bit uniforms
// per 64-bit draw), so it does not depend on how many workers fill it. Identity outside
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
        // One draw from the caller's generator seeds fixed-size chunks, each with its own sub-stream: the
        // mask is the same whatever the number of workers, and the chunks fill in parallel.
        let seed = rng.next(), chunk = 16_384
        keep.withUnsafeMutableBufferPointer { k in y.withUnsafeMutableBufferPointer { yp in data.withUnsafeBufferPointer { xp in
            let K = k.baseAddress!, Y = yp.baseAddress!, X = xp.baseAddress!
            Parallel.forEach((n + chunk - 1) / chunk, minimumWork: chunk * 4) { c in
                var g = SplitMix64.stream(seed, UInt64(c))
                var i = c * chunk
                let end = Swift.min(n, i + chunk)
                while i < end {
                    let r = g.next()
                    K[i] = (r >> 40) >= threshold ? scale : 0
                    Y[i] = X[i] * K[i]
                    if i + 1 < end {
                        K[i + 1] = ((r >> 8) & 0xFF_FFFF) >= threshold ? scale : 0
                        Y[i + 1] = X[i + 1] * K[i + 1]
                    }
                    i += 2
                }
            }
        } } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in for i in 0..<dy.count { g[i] += dy[i] * keep[i] } }
        }
    }
}
