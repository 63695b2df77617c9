// One T5 block: pre-norm residual sublayers — self-attention, (decoder only) cross-attention, feed-forward
// (`relu`: wo·relu(wi·x); `gated-gelu`: wo·(gelu(wi_0·x) ⊙ wi_1·x)). Legend: D d_model, F d_ff.

public final class T5FeedForward {
    public let wi: Tensor?     // [F, D] (relu)
    public let wi0: Tensor?    // [F, D] (gated)
    public let wi1: Tensor?    // [F, D] (gated)
    public let wo: Tensor      // [D, F]

    init(config c: T5Config, rng: inout SplitMix64) {
        let f = c.initializerFactor
        let sIn = f / Float(c.dModel).squareRoot(), sOut = f / Float(c.dFF).squareRoot()
        if c.isGated {
            wi = nil
            wi0 = Tensor.normal([c.dFF, c.dModel], std: sIn, rng: &rng, requiresGrad: true)
            wi1 = Tensor.normal([c.dFF, c.dModel], std: sIn, rng: &rng, requiresGrad: true)
        } else {
            wi = Tensor.normal([c.dFF, c.dModel], std: sIn, rng: &rng, requiresGrad: true)
            wi0 = nil
            wi1 = nil
        }
        wo = Tensor.normal([c.dModel, c.dFF], std: sOut, rng: &rng, requiresGrad: true)
    }

    func forward(_ x: Tensor, dropout p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        let hidden: Tensor
        if let wi {
            hidden = x.matmul(wi, transposeB: true).relu()
        } else {
            hidden = x.matmul(wi0!, transposeB: true).gelu() * x.matmul(wi1!, transposeB: true)
        }
        return hidden.dropout(p, training: training, rng: &rng).matmul(wo, transposeB: true)
    }

    var parameters: [Tensor] { [wi, wi0, wi1].compactMap { $0 } + [wo] }
}

public final class T5Block {
    public let selfAttention: T5Attention
    public let selfAttentionNorm: Tensor         // [D]
    public let crossAttention: T5Attention?      // decoder only
    public let crossAttentionNorm: Tensor?       // [D]
    public let feedForward: T5FeedForward
    public let feedForwardNorm: Tensor           // [D]

    init(config c: T5Config, isDecoder: Bool, hasRelativeBias: Bool, rng: inout SplitMix64) {
        selfAttention = T5Attention(config: c, hasRelativeBias: hasRelativeBias, rng: &rng)
        selfAttentionNorm = Tensor.filled([c.dModel], 1)
        selfAttentionNorm.requiresGrad = true
        if isDecoder {
            crossAttention = T5Attention(config: c, hasRelativeBias: false, rng: &rng)
            let n = Tensor.filled([c.dModel], 1)
            n.requiresGrad = true
            crossAttentionNorm = n
        } else {
            crossAttention = nil
            crossAttentionNorm = nil
        }
        feedForward = T5FeedForward(config: c, rng: &rng)
        feedForwardNorm = Tensor.filled([c.dModel], 1)
        feedForwardNorm.requiresGrad = true
    }

    var parameters: [Tensor] {
        selfAttention.parameters + [selfAttentionNorm] + (crossAttention?.parameters ?? []) +
            (crossAttentionNorm.map { [$0] } ?? []) + feedForward.parameters + [feedForwardNorm]
    }
    var norms: [Tensor] { [selfAttentionNorm, feedForwardNorm] + (crossAttentionNorm.map { [$0] } ?? []) }
}
