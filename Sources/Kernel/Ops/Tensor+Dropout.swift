// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator (one draw seeds per-chunk sub-streams, four 16-bit uniforms
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
        // Keep when a 16-bit uniform ≥ p·2¹⁶ (rounded): the rate is p to within 2⁻¹⁷, and one 64-bit draw
        // decides four values.
        let threshold = UInt64((Double(p) * 65_536).rounded())
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
                // Draw j of the sub-stream decides values start + 4j + e from its bits 16e ..< 16e + 16.
                @inline(__always) func decide(_ r: UInt64, _ e: Int, _ i: Int) -> UInt8 {
                    let kept = Tensor.keepBit((r >> UInt64(16 * e)) & 0xFFFF, threshold)
                    Y[i + e] = X[i + e] * Float(bitPattern: scale.bitPattern & (0 &- kept))
                    return UInt8(truncatingIfNeeded: kept) << UInt8((i + e) & 7)
                }
                var i = start
                while i + 4 <= end {                                    // i % 4 == 0: one mask byte
                    let r = g.next()
                    K[i >> 3] |= decide(r, 0, i) | decide(r, 1, i) | decide(r, 2, i) | decide(r, 3, i)
                    i += 4
                }
                if i < end {
                    let r = g.next()
                    for e in 0..<(end - i) { K[i >> 3] |= decide(r, e, i) }
                }
            }
        } } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            t.grad!.withUnsafeBufferPointer { dp in keep.withUnsafeBufferPointer { kp in
                let D = dp.baseAddress!, K = kp.baseAddress!, bytes = (n + 7) / 8
                x.accumulate(assigningIfFresh: { g, fresh in
                    // A mask byte at a time: eight values with constant shifts.
                    Parallel.chunks(bytes, grain: 8_192) { range in
                        for b in range {
                            let m = UInt32(K[b]), base = b * 8
                            @inline(__always) func factor(_ e: Int) -> Float {
                                Float(bitPattern: scale.bitPattern & (0 &- ((m >> UInt32(e)) & 1)))
                            }
                            let count = Swift.min(8, n - base)
                            if fresh {
                                for e in 0..<count { g[base + e] = D[base + e] * factor(e) }
                            } else {
                                for e in 0..<count { g[base + e] += D[base + e] * factor(e) }
                            }
                        }
                    }
                })
            } }
        }
    }

    /// Values per dropout sub-stream (a multiple of 8, so every chunk's mask starts on a whole byte).
    static let dropoutChunk = 16_384

    /// 1 when the uniform `u` ≥ `threshold` (keep), else 0, without a branch (u, threshold < 2⁶³).
    @inline(__always)
    static func keepBit(_ u: UInt64, _ threshold: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: (u &- threshold) >> 63) ^ 1
    }
}
