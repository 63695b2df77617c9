// One SASRec block (Kang & McAuley 2018, §III-B/C): causal self-attention and a point-wise feed-forward
// network, each wrapped as the paper's g(x) = x + Dropout(g(LayerNorm(x))), then padding positions zeroed
// (the reference code's "timeline mask"). Multi-head attention as torch.nn.MultiheadAttention: Q, K, V, O
// projections with biases, scores scaled by 1/√(D/H), dropout on the attention weights.
//
// Legend: B batch, T positions, D width, H heads, E = D/H per head, F feed-forward width (= D in the paper).

final class SASRecBlock {
    let attentionNormWeight: Tensor, attentionNormBias: Tensor   // [D], [D]
    let q: Tensor, k: Tensor, v: Tensor, o: Tensor                // [D, D] each (out, in)
    let qBias: Tensor, kBias: Tensor, vBias: Tensor, oBias: Tensor // [D] each
    let feedForwardNormWeight: Tensor, feedForwardNormBias: Tensor // [D], [D]
    let inner: Tensor, innerBias: Tensor                           // [F, D], [F]
    let outer: Tensor, outerBias: Tensor                           // [D, F], [D]
    let heads: Int

    init(width d: Int, feedForward f: Int, heads: Int, rng: inout SplitMix64) {
        precondition(d % heads == 0, "SASRec width \(d) is not a multiple of \(heads) heads")
        self.heads = heads
        // Xavier-normal weights, zero biases, unit norms: the reference PyTorch port's initialization.
        func xavier(_ rows: Int, _ cols: Int) -> Tensor {
            Tensor.normal([rows, cols], std: (2 / Float(rows + cols)).squareRoot(), rng: &rng, requiresGrad: true)
        }
        func zeros(_ n: Int) -> Tensor { Tensor.zeros([n], requiresGrad: true) }
        func ones(_ n: Int) -> Tensor { let t = Tensor.filled([n], 1); t.requiresGrad = true; return t }
        attentionNormWeight = ones(d); attentionNormBias = zeros(d)
        q = xavier(d, d); k = xavier(d, d); v = xavier(d, d); o = xavier(d, d)
        qBias = zeros(d); kBias = zeros(d); vBias = zeros(d); oBias = zeros(d)
        feedForwardNormWeight = ones(d); feedForwardNormBias = zeros(d)
        inner = xavier(f, d); innerBias = zeros(f)
        outer = xavier(d, f); outerBias = zeros(d)
    }

    var parameters: [Tensor] {
        [attentionNormWeight, attentionNormBias, q, qBias, k, kBias, v, vBias, o, oBias,
         feedForwardNormWeight, feedForwardNormBias, inner, innerBias, outer, outerBias]
    }

    /// Norm weights and biases: exempt from weight decay.
    var noDecay: [Tensor] {
        [attentionNormWeight, attentionNormBias, qBias, kBias, vBias, oBias, feedForwardNormWeight, feedForwardNormBias,
         innerBias, outerBias]
    }

    /// x [B, T, D]; keyMask [B·T] (1 item, 0 padding); timeline [B, T, 1] the same as a tensor → [B, T, D].
    func forward(_ x: Tensor, keyMask: [Float], timeline: Tensor, dropout p: Float, training: Bool,
                 rng: inout SplitMix64) -> Tensor {
        let e = x.shape[2] / heads
        let h = x.layerNorm(weight: attentionNormWeight, bias: attentionNormBias)
        func project(_ w: Tensor, _ bias: Tensor) -> Tensor { h.matmul(w, transposeB: true) + bias }   // [B, T, D]
        // The Kernel's multi-head attention op (heads read in place, dropout on the weights inside it); the
        // 1/√E scaling goes on the queries, as T5 folds it into them.
        let context = Tensor.attention(q: project(q, qBias).scaled(1 / Float(e).squareRoot()), k: project(k, kBias),
                                       v: project(v, vBias), heads: heads, position: nil, keyMask: keyMask, causal: true,
                                       dropout: p, training: training, rng: &rng)   // [B, T, D]
        let attended = x + (context.matmul(o, transposeB: true) + oBias).dropout(p, training: training, rng: &rng)
        let g = attended.layerNorm(weight: feedForwardNormWeight, bias: feedForwardNormBias)
        let hidden = (g.matmul(inner, transposeB: true) + innerBias).relu().dropout(p, training: training, rng: &rng)
        let ff = (hidden.matmul(outer, transposeB: true) + outerBias).dropout(p, training: training, rng: &rng)
        return (attended + ff) * timeline
    }
}
