// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator (one draw seeds per-chunk sub-streams, two 24-bit uniforms
// per 64-bit draw), so it does not depend on how many workers fill it. Identity outside
// training or when p = 0.

extension Tensor {
    public func dropout(_ p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        guard training, p > 0, count > 0 else { return self }
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
                let start = c * chunk, end = Swift.min(n, start + chunk)
                // Draw j of the sub-stream gives elements start + 2j (high 24 bits) and start + 2j + 1 (bits 8–31);
                // the keep factor is selected with a bit mask, not a branch (the draws are random by design).
                var i = start
                while i + 1 < end {
                    let r = g.next()
                    K[i] = Tensor.keepFactor(r >> 40, threshold, scale)
                    K[i + 1] = Tensor.keepFactor((r >> 8) & 0xFF_FFFF, threshold, scale)
                    i += 2
                }
                if i < end { K[i] = Tensor.keepFactor(g.next() >> 40, threshold, scale) }
                for j in start..<end { Y[j] = X[j] * K[j] }
            }
        } } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            dy.withUnsafeBufferPointer { dp in keep.withUnsafeBufferPointer { kp in
                let D = dp.baseAddress!, K = kp.baseAddress!
                x.accumulateElementwise { g, range, fresh in
                    if fresh { for i in range { g[i] = D[i] * K[i] } } else { for i in range { g[i] += D[i] * K[i] } }
                }
            } }
        }
    }

    /// `scale` when the 24-bit uniform `u` ≥ `threshold`, else +0, through a mask.
    @inline(__always)
    static func keepFactor(_ u: UInt64, _ threshold: UInt64, _ scale: Float) -> Float {
        let keep = ~(Int64(bitPattern: u &- threshold) >> 63)              // all ones iff u ≥ threshold
        return Float(bitPattern: scale.bitPattern & UInt32(truncatingIfNeeded: keep))
    }
}
