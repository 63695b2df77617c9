// Masks and additive attention biases.
//   maskedFill: y = mask ? value : x;  dx = mask ? 0 : dy
//   attention bias (T5): scores [B, H, T, S] + position [H, T, S] + key padding (−∞-like where a key is
//   padding) + causal (key s later than query t + offset). Position bias gets dy summed over B.
//   The mask constant is a large finite negative (as HF uses dtype-min) so a fully masked row stays finite.

extension Tensor {
    public static let maskValue: Float = -1e9

    public func maskedFill(_ mask: [Bool], value: Float) -> Tensor {
        precondition(mask.count == count, "mask has \(mask.count) entries for \(count) values")
        let x = self
        var y = data
        for i in 0..<count where mask[i] { y[i] = value }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in for i in 0..<dy.count where !mask[i] { g[i] += dy[i] } }
        }
    }

    /// scores [B, H, T, S] + position [H, T, S] (optional) + key mask [B, S] (1 keep, 0 pad) + causal.
    /// `causalOffset` is the position of query 0 among the keys (cached decoding: S − T).
    public func addingAttentionBias(position: Tensor?, keyMask: [Float]?, causal: Bool, causalOffset: Int = 0) -> Tensor {
        precondition(rank == 4, "attention scores must be [B, H, T, S], got \(shape)")
        let scores = self
        let b = shape[0], h = shape[1], tq = shape[2], s = shape[3]
        if let position { precondition(position.shape == [h, tq, s], "position bias \(position.shape) does not match [\(h), \(tq), \(s)]") }
        if let keyMask { precondition(keyMask.count == b * s, "key mask has \(keyMask.count) entries for [\(b), \(s)]") }
        guard count > 0 else { return Tensor(shape: shape, data: data, parents: [self]) { t in scores.accumulate(t.grad!) } }
        var y = [Float].uninitialized(count)
        let hts = h * tq * s
        // Per key: the additive padding mask of its batch row, then per (b, h, t) row the position bias row.
        var keyAdd = [Float](repeating: 0, count: b * s)
        if let keyMask { for i in 0..<(b * s) where keyMask[i] == 0 { keyAdd[i] = Tensor.maskValue } }
        // One (b, h) slab of T rows per job: position bias row, then key padding, then causal.
        let positionData = position?.data ?? []
        y.withUnsafeMutableBufferPointer { yp in keyAdd.withUnsafeBufferPointer { kp in positionData.withUnsafeBufferPointer { pp in
        data.withUnsafeBufferPointer { xp in
            let Y = yp.baseAddress!, X = xp.baseAddress!, KA = kp.baseAddress!, P = position == nil ? nil : pp.baseAddress
            do {
                Parallel.forEach(b * h, minimumWork: tq * s * 2) { job in
                    let bi = job / h, hi = job % h, ka = KA + bi * s
                    for t in 0..<tq {
                        let offset = bi * hts + (hi * tq + t) * s, row = Y + offset
                        row.update(from: X + offset, count: s)
                        if let P {
                            let prow = P + (hi * tq + t) * s
                            for k in 0..<s { row[k] += prow[k] }
                        }
                        if keyMask != nil { for k in 0..<s { row[k] += ka[k] } }
                        if causal {
                            let first = max(0, t + causalOffset + 1)
                            if first < s { for k in first..<s { row[k] += Tensor.maskValue } }
                        }
                    }
                }
            }
        } } } }
        let parents = [scores] + (position.map { [$0] } ?? [])
        return Tensor(shape: shape, data: y, parents: parents) { t in
            let dy = t.grad!
            if scores.requiresGrad { scores.accumulate(dy) }
            if let position, position.requiresGrad {
                // Σ over the batch, per element in batch order (parallel over elements, same sums).
                position.accumulate { g in dy.withUnsafeBufferPointer { dp in
                    let G = g.baseAddress!, D = dp.baseAddress!
                    Parallel.chunks(hts, grain: 16_384) { range in
                        for bi in 0..<b { let src = D + bi * hts; for i in range { G[i] += src[i] } }
                    }
                } }
            }
        }
    }
}
