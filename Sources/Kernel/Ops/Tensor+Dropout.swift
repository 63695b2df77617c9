// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator (one draw seeds per-chunk sub-streams, two 24-bit uniforms
// per 64-bit draw), so it does not depend on how many workers fill it. Identity outside
// training or when p = 0.
//
// The mask is kept for the backward as one bit per value (a training step masks ~50 M values; as floats
// the mask alone was 200 MB written and read back every step). Keep/drop is selected with bit masks, not
// branches: the draws are random by design, so a branch would mispredict every other value.

extension Tensor {
    public func dropout(_ p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        guard training, p > 0, count > 0 else { return self }
        let x = self
        let scale = 1 / (1 - p)
        let threshold = UInt64(Double(p) * Double(1 << 24))   // keep when the 24-bit uniform ≥ p·2²⁴
        let n = count
        var keep = [UInt8](repeating: 0, count: (n + 7) / 8)  // bit i % 8 of byte i / 8: value i is kept
        var y = [Float].uninitialized(n)
        // One draw from the caller's generator seeds fixed-size chunks, each with its own sub-stream: the
        // mask is the same whatever the number of workers, and the chunks fill in parallel.
        let seed = rng.next(), chunk = Tensor.dropoutChunk
        keep.withUnsafeMutableBufferPointer { k in y.withUnsafeMutableBufferPointer { yp in data.withUnsafeBufferPointer { xp in
            let K = k.baseAddress!, Y = yp.baseAddress!, X = xp.baseAddress!
            Parallel.forEach((n + chunk - 1) / chunk, minimumWork: chunk * 4) { c in
                var g = SplitMix64.stream(seed, UInt64(c))
                let start = c * chunk, end = Swift.min(n, start + chunk)
                // Draw j of the sub-stream decides values start + 2j (high 24 bits) and start + 2j + 1 (bits 8–31).
                var i = start
                while i < end {
                    let r = g.next()
                    let k0 = Tensor.keepBit(r >> 40, threshold)
                    Y[i] = X[i] * Float(bitPattern: scale.bitPattern & (0 &- k0))
                    var bits = UInt8(truncatingIfNeeded: k0) << UInt8(i & 7)
                    if i + 1 < end {
                        let k1 = Tensor.keepBit((r >> 8) & 0xFF_FFFF, threshold)
                        Y[i + 1] = X[i + 1] * Float(bitPattern: scale.bitPattern & (0 &- k1))
                        bits |= UInt8(truncatingIfNeeded: k1) << UInt8((i + 1) & 7)
                    }
                    K[i >> 3] |= bits                                   // chunks start on whole bytes
                    i += 2
                }
            }
        } } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            t.grad!.withUnsafeBufferPointer { dp in keep.withUnsafeBufferPointer { kp in
                let D = dp.baseAddress!, K = kp.baseAddress!
                x.accumulateElementwise { g, range, fresh in
                    @inline(__always) func factor(_ i: Int) -> Float {
                        Float(bitPattern: scale.bitPattern & (0 &- UInt32((K[i >> 3] >> UInt8(i & 7)) & 1)))
                    }
                    if fresh { for i in range { g[i] = D[i] * factor(i) } } else { for i in range { g[i] += D[i] * factor(i) } }
                }
            } }
        }
    }

    /// Values per dropout sub-stream (a multiple of 8, so every chunk's mask starts on a whole byte).
    static let dropoutChunk = 16_384

    /// 1 when the 24-bit uniform `u` ≥ `threshold` (keep), else 0, without a branch.
    @inline(__always)
    static func keepBit(_ u: UInt64, _ threshold: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (u &- threshold) >> 63) ^ 1
    }
}
