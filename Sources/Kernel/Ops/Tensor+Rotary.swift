// Rotary position embedding as an op on projections as the linear layers leave them: x [B, L, H·K], row t of
// each sequence rotated by position t's angles (RotaryTable, HF Llama's rotate_half layout), times `scale`.
// A rotation is orthogonal, so the backward is the inverse rotation: dx = scale · R(t)ᵀ · dy.
// `scale` lets the query carry attention's 1/√K (Tensor.attention does not scale, as T5 needs) without
// another pass over [B, L, H·K].
//
// Legend: B batch, L positions, H heads, K head width.

extension Tensor {
    public func rotary(_ table: RotaryTable, heads h: Int, scale: Float = 1) -> Tensor {
        let x = self
        precondition(rank == 3 && shape[2] == h * table.headDim,
                     "rotary needs x [B, L, H·K] with K = \(table.headDim), H = \(h); got \(shape)")
        let l = shape[1], width = shape[2], rows = count / max(width, 1), k = table.headDim, half = k / 2
        precondition(l <= table.positions, "rotary table covers \(table.positions) positions, the sequence has \(l)")
        func apply(_ buffer: UnsafeMutablePointer<Float>, inverse: Bool) {
            table.cos.withUnsafeBufferPointer { cp in table.sin.withUnsafeBufferPointer { sp in
                let C = cp.baseAddress!, S = sp.baseAddress!
                Parallel.forEach(rows, minimumWork: width * 4) { r in
                    let t = r % l
                    RotaryTable.rotate(buffer + r * width, heads: h, headDim: k, cos: C + t * half, sin: S + t * half,
                                       scale: scale, inverse: inverse)
                }
            } }
        }
        var y = data
        if count > 0 { y.withUnsafeMutableBufferPointer { apply($0.baseAddress!, inverse: false) } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            var dx = t.grad!
            if !dx.isEmpty { dx.withUnsafeMutableBufferPointer { apply($0.baseAddress!, inverse: true) } }
            x.accumulate(dx)
        }
    }
}
