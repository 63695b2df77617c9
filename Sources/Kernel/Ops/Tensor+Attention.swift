// Multi-head scaled-dot-product attention as one op (T5: no 1/√d scaling), over the projections as the
// linear layers leave them: q [B, T, H·K], k and v [B, S, H·K] → context [B, T, H·K].
//   scores = q_bh · k_bhᵀ + position[h] + key padding (+ causal)      [T, S] per (b, h)
//   P = softmax(scores),  P̃ = dropout(P),  ctx_bh = P̃ · v_bh
// Backward, per (b, h):  dv = P̃ᵀ·dctx,  dP̃ = dctx·vᵀ,  dP = dP̃ ⊙ mask/(1−p),
//   dS = P ⊙ (dP − Σ_j dP·P),  dq = dS·k,  dk = dSᵀ·q,  dposition[h] = Σ_b dS.
//
// Why one op: composed from reshape/permute/bias/softmax/dropout/batched-matmul, every layer copied q, k, v
// and the context between [B, T, H, K] and [B, H, T, K] (forward and backward) and wrote the biased scores,
// the probabilities and the dropped probabilities as separate [B, H, T, S] arrays. Here each (b, h) slice
// reads its heads in place (BLAS leading dimension H·K), biases and normalizes its scores in one pass while
// they are in cache, and keeps only P and a bit mask for the backward (P̃ is rebuilt per slice).
// Dropout: one draw from `rng` per call seeds a sub-stream per (b, h) slice (four 16-bit uniforms per draw,
// as `dropout`), so the mask does not depend on the number of workers.
//
// Legend: B batch, T queries, S keys, H heads, K d_kv, HK = H·K.
import Foundation

extension Tensor {
    public static func attention(q: Tensor, k: Tensor, v: Tensor, heads h: Int, position: Tensor?, keyMask: [Float]?,
                                 causal: Bool, dropout p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        precondition(q.rank == 3 && k.rank == 3 && v.rank == 3 && k.shape == v.shape && q.shape[0] == k.shape[0]
                     && q.shape[2] == k.shape[2] && q.shape[2] % h == 0,
                     "attention needs q [B, T, H·K] and k, v [B, S, H·K], got \(q.shape), \(k.shape), \(v.shape)")
        let b = q.shape[0], t = q.shape[1], s = k.shape[1], hk = q.shape[2], dk = hk / h
        if let position { precondition(position.shape == [h, t, s], "position bias \(position.shape) does not match [\(h), \(t), \(s)]") }
        if let keyMask { precondition(keyMask.count == b * s, "key mask has \(keyMask.count) entries for [\(b), \(s)]") }
        guard b * t * s * h > 0 else {
            return Tensor(shape: [b, t, hk], data: [Float](repeating: 0, count: b * t * hk), parents: [q, k, v]) { _ in }
        }
        let dropping = training && p > 0
        let scale = dropping ? 1 / (1 - p) : 1
        let threshold = UInt64((Double(p) * 65_536).rounded())
        let seed = dropping ? rng.next() : 0
        let slice = t * s, maskBytes = (slice + 7) / 8
        var keyAdd = [Float](repeating: 0, count: b * s)
        if let keyMask { for i in 0..<(b * s) where keyMask[i] == 0 { keyAdd[i] = Tensor.maskValue } }
        let positionData = position?.data ?? []
        // P is kept for the backward only when there will be one; inference normalizes each slice in a
        // scratch buffer that stays in cache.
        let keepP = dropping
            || Tape.isRecording && (q.requiresGrad || k.requiresGrad || v.requiresGrad || position?.requiresGrad == true)
        var probs = [Float].uninitialized(keepP ? b * h * slice : 0)          // P [B, H, T, S]
        var keep = [UInt8](repeating: 0, count: dropping ? b * h * maskBytes : 0)
        var ctx = [Float].uninitialized(b * t * hk)
        probs.withUnsafeMutableBufferPointer { pp in keep.withUnsafeMutableBufferPointer { kp in ctx.withUnsafeMutableBufferPointer { cp in
        q.data.withUnsafeBufferPointer { qp in k.data.withUnsafeBufferPointer { kk in v.data.withUnsafeBufferPointer { vp in
        positionData.withUnsafeBufferPointer { posp in keyAdd.withUnsafeBufferPointer { ap in
            let P = pp.baseAddress, Kb = kp.baseAddress, C = cp.baseAddress!, Q = qp.baseAddress!, Kx = kk.baseAddress!
            let V = vp.baseAddress!, Pos = position == nil ? nil : posp.baseAddress, A = keyMask == nil ? nil : ap.baseAddress
            Parallel.forEach(b * h, minimumWork: slice * dk * 4) { job in
                let bi = job / h, hi = job % h
                func normalizedScores(_ pr: UnsafeMutablePointer<Float>) {
                    sgemm(false, true, t, s, dk, Q + bi * t * hk + hi * dk, hk, Kx + bi * s * hk + hi * dk, hk, pr, s)
                    let ka = A.map { UnsafePointer($0 + bi * s) }
                    for ti in 0..<t {
                        // + position bias + key padding (a real key's padding term is +0 exactly), then the
                        // causal mask, then softmax: one call per row, while the row is in cache.
                        let row = pr + ti * s
                        VectorKernels.softmax(row, row, s, bias1: Pos.map { $0 + (hi * t + ti) * s }, bias2: ka,
                                              unmasked: causal ? Swift.min(ti + 1, s) : s)
                    }
                }
                let out = C + bi * t * hk + hi * dk, vb = V + bi * s * hk + hi * dk
                guard keepP, let P else {                                          // inference: no dropout, P not kept
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: slice) { sp in
                        normalizedScores(sp.baseAddress!)
                        sgemm(false, false, t, dk, s, sp.baseAddress!, s, vb, hk, out, hk)
                    }
                    return
                }
                let pr = P + job * slice
                normalizedScores(pr)
                if dropping {
                    let mask = Kb! + job * maskBytes
                    Tensor.fillDropoutMask(mask, slice, seed: seed, stream: UInt64(job), threshold: threshold)
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: slice) { dp in
                        Tensor.applyDropoutMask(pr, dp.baseAddress!, mask, slice, scale: scale)
                        sgemm(false, false, t, dk, s, dp.baseAddress!, s, vb, hk, out, hk)
                    }
                } else {
                    sgemm(false, false, t, dk, s, pr, s, vb, hk, out, hk)
                }
            }
        } } } } } } } }
        let parents = [q, k, v] + (position.map { [$0] } ?? [])
        return Tensor(shape: [b, t, hk], data: ctx, parents: parents) { y in
            y.grad!.withUnsafeBufferPointer { gp in probs.withUnsafeBufferPointer { pp in keep.withUnsafeBufferPointer { kp in
            q.data.withUnsafeBufferPointer { qp in k.data.withUnsafeBufferPointer { kk in v.data.withUnsafeBufferPointer { vp in
                let G = gp.baseAddress!, P = pp.baseAddress!, Kb = kp.baseAddress, Q = qp.baseAddress!
                let Kx = kk.baseAddress!, V = vp.baseAddress!
                // dq, dk, dv: every (b, h) writes its own column block, so a fresh gradient needs no zero-fill.
                func grad(_ x: Tensor, _ body: (UnsafeMutablePointer<Float>?, Bool) -> Void) {
                    if x.requiresGrad { x.accumulate(assigningIfFresh: { g, fresh in body(g, fresh) }) } else { body(nil, true) }
                }
                func positionGrad(_ body: (UnsafeMutablePointer<Float>?) -> Void) {
                    if let position, position.requiresGrad { position.accumulate { body($0.baseAddress!) } } else { body(nil) }
                }
                grad(q) { dQ, qFresh in grad(k) { dK, kFresh in grad(v) { dV, vFresh in positionGrad { dPos in
                        // One job per head, batch rows in order inside: Σ_b dS into dposition[h] without races.
                        Parallel.forEach(h, minimumWork: b * slice * dk * 8) { hi in
                            withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * slice) { tmp in
                                let dropped = tmp.baseAddress!, dS = tmp.baseAddress! + slice
                                for bi in 0..<b {
                                    let job = bi * h + hi, pr = P + job * slice
                                    let gq = G + bi * t * hk + hi * dk                       // dctx_bh [T, K]
                                    let qo = bi * t * hk + hi * dk, ko = bi * s * hk + hi * dk
                                    let mask = dropping ? Kb! + job * maskBytes : nil
                                    let pd: UnsafePointer<Float>
                                    if let mask { Tensor.applyDropoutMask(pr, dropped, mask, slice, scale: scale); pd = UnsafePointer(dropped) } else { pd = pr }
                                    if let dV { sgemm(true, false, s, dk, t, pd, s, gq, hk, dV + ko, hk, accumulate: !vFresh) }
                                    sgemm(false, true, t, s, dk, gq, hk, V + ko, hk, dS, s)                 // dP̃
                                    if let mask { Tensor.applyDropoutMask(dS, dS, mask, slice, scale: scale) } // dP
                                    for ti in 0..<t {
                                        let g = dS + ti * s, pRow = pr + ti * s
                                        let dot = VectorKernels.dot(g, pRow, s)
                                        for j in 0..<s { g[j] = pRow[j] * (g[j] - dot) }
                                    }
                                    if let dPos { let dst = dPos + hi * slice; for i in 0..<slice { dst[i] += dS[i] } }
                                    if let dQ { sgemm(false, false, t, dk, s, dS, s, Kx + ko, hk, dQ + qo, hk, accumulate: !qFresh) }
                                    if let dK { sgemm(true, false, s, dk, t, dS, s, Q + qo, hk, dK + ko, hk, accumulate: !kFresh) }
                                }
                            }
                        }
                } } } }
            } } } } } }
        }
    }

    /// Keep bits for `n` values from sub-stream `stream` of `seed`: value i is kept when its 16-bit uniform
    /// (bits 16e..<16e+16 of draw i/4, e = i % 4) is ≥ threshold.
    @inline(__always)
    static func fillDropoutMask(_ mask: UnsafeMutablePointer<UInt8>, _ n: Int, seed: UInt64, stream: UInt64, threshold: UInt64) {
        var g = SplitMix64.stream(seed, stream)
        @inline(__always) func bit(_ r: UInt64, _ e: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: Tensor.keepBit((r >> UInt64(16 * e)) & 0xFFFF, threshold)) << UInt8(e)
        }
        var byte = 0
        while (byte + 1) * 8 <= n {                                           // two draws per mask byte
            let r0 = g.next(), r1 = g.next()
            mask[byte] = bit(r0, 0) | bit(r0, 1) | bit(r0, 2) | bit(r0, 3)
                | (bit(r1, 0) | bit(r1, 1) | bit(r1, 2) | bit(r1, 3)) << 4
            byte += 1
        }
        if byte * 8 < n {
            mask[byte] = 0
            var i = byte * 8
            while i < n {
                let r = g.next()
                for e in 0..<Swift.min(4, n - i) { mask[byte] |= bit(r, e) << UInt8((i + e) & 7 - e) }
                i += 4
            }
        }
    }

    /// y[i] = x[i] · (kept ? scale : 0) for n values (x and y may be the same buffer), a mask byte at a time.
    @inline(__always)
    static func applyDropoutMask(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ mask: UnsafePointer<UInt8>,
                                 _ n: Int, scale: Float) {
        var byte = 0
        while (byte + 1) * 8 <= n {
            let m = UInt32(mask[byte]), base = byte * 8
            for e in 0..<8 { y[base + e] = x[base + e] * Float(bitPattern: scale.bitPattern & (0 &- ((m >> UInt32(e)) & 1))) }
            byte += 1
        }
        for i in (byte * 8)..<n {
            let kept = UInt32((mask[i >> 3] >> UInt8(i & 7)) & 1)
            y[i] = x[i] * Float(bitPattern: scale.bitPattern & (0 &- kept))
        }
    }
}
