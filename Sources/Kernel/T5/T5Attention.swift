// One T5 attention sublayer's weights and its training-time forward (HF T5Attention).
// No 1/√d_kv scaling: T5 folds it into the initialization of q. Legend: B batch, T queries, S keys,
// D d_model, H heads, K d_kv, HK = H·K.

public final class T5Attention {
    public let q: Tensor   // [HK, D]
    public let k: Tensor   // [HK, D]
    public let v: Tensor   // [HK, D]
    public let o: Tensor   // [D, HK]
    public let relativeBias: Tensor?  // [buckets, H], first block of each stack only
    let heads: Int
    let dKV: Int

    init(config c: T5Config, hasRelativeBias: Bool, rng: inout SplitMix64) {
        let f = c.initializerFactor, d = c.dModel, hk = c.innerDim
        heads = c.numHeads
        dKV = c.dKV
        q = Tensor.normal([hk, d], std: f * Float(d * c.dKV).squareRoot().reciprocal, rng: &rng, requiresGrad: true)
        k = Tensor.normal([hk, d], std: f * Float(d).squareRoot().reciprocal, rng: &rng, requiresGrad: true)
        v = Tensor.normal([hk, d], std: f * Float(d).squareRoot().reciprocal, rng: &rng, requiresGrad: true)
        o = Tensor.normal([d, hk], std: f * Float(hk).squareRoot().reciprocal, rng: &rng, requiresGrad: true)
        relativeBias = hasRelativeBias
            ? Tensor.normal([c.relativeAttentionNumBuckets, c.numHeads], std: f * Float(d).squareRoot().reciprocal, rng: &rng, requiresGrad: true)
            : nil
    }

    /// [B, L, HK] → [B·H, L, K]
    func splitHeads(_ x: Tensor, batch b: Int) -> Tensor {
        let l = x.shape[1]
        return x.reshaped([b, l, heads, dKV]).permuted([0, 2, 1, 3]).reshaped([b * heads, l, dKV])
    }

    /// x [B, T, D] attends to kv [B, S, D]; `bias` [H, T, S] relative positions (or nil); `keyMask` [B, S].
    func forward(_ x: Tensor, kv: Tensor, bias: Tensor?, keyMask: [Float]?, causal: Bool,
                 dropout p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        let ctx = Tensor.attention(q: x.matmul(q, transposeB: true),    // [B, T, HK]
                                   k: kv.matmul(k, transposeB: true),   // [B, S, HK]
                                   v: kv.matmul(v, transposeB: true),   // [B, S, HK]
                                   heads: heads, position: bias, keyMask: keyMask, causal: causal,
                                   dropout: p, training: training, rng: &rng)  // [B, T, HK]
        return ctx.matmul(o, transposeB: true)                              // [B, T, D]
    }

    var parameters: [Tensor] { [q, k, v, o] + (relativeBias.map { [$0] } ?? []) }
}

extension Float {
    var reciprocal: Float { 1 / self }
}
