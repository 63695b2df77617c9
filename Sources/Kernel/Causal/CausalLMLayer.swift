// One Llama decoder layer's weights (HF `LlamaDecoderLayer`): pre-norm self-attention and a SwiGLU MLP.
//   x += o_proj(attention(rope(q_proj h), rope(k_proj h), v_proj h)),  h = input_layernorm(x)
//   x += down_proj(silu(gate_proj h) ⊙ up_proj h),                     h = post_attention_layernorm(x)
// Legend: D hidden size, F intermediate size, HK = heads × head width. Weights are [out, in] as HF Linear.

public final class CausalLMLayer {
    public let q: Tensor                 // [HK, D]  self_attn.q_proj
    public let k: Tensor                 // [HK, D]  self_attn.k_proj
    public let v: Tensor                 // [HK, D]  self_attn.v_proj
    public let o: Tensor                 // [D, HK]  self_attn.o_proj
    public let gate: Tensor              // [F, D]   mlp.gate_proj
    public let up: Tensor                // [F, D]   mlp.up_proj
    public let down: Tensor              // [D, F]   mlp.down_proj
    public let inputNorm: Tensor         // [D]      input_layernorm
    public let postAttentionNorm: Tensor // [D]      post_attention_layernorm

    /// HF's `_init_weights`: every Linear normal(0, initializer_range), RMS norms 1.
    init(config c: CausalLMConfig, rng: inout SplitMix64) {
        let d = c.hiddenSize, hk = c.attentionWidth, f = c.intermediateSize, std = Float(c.initializerRange)
        func weight(_ shape: [Int]) -> Tensor { Tensor.normal(shape, std: std, rng: &rng, requiresGrad: true) }
        func norm() -> Tensor {
            let n = Tensor.filled([d], 1)
            n.requiresGrad = true
            return n
        }
        q = weight([hk, d]); k = weight([hk, d]); v = weight([hk, d]); o = weight([d, hk])
        gate = weight([f, d]); up = weight([f, d]); down = weight([d, f])
        inputNorm = norm()
        postAttentionNorm = norm()
    }

    /// (HF name relative to `model.layers.{i}.`, tensor), in HF's order.
    var namedParameters: [(String, Tensor)] {
        [("self_attn.q_proj.weight", q), ("self_attn.k_proj.weight", k), ("self_attn.v_proj.weight", v),
         ("self_attn.o_proj.weight", o), ("mlp.gate_proj.weight", gate), ("mlp.up_proj.weight", up),
         ("mlp.down_proj.weight", down), ("input_layernorm.weight", inputNorm),
         ("post_attention_layernorm.weight", postAttentionNorm)]
    }

    var norms: [Tensor] { [inputNorm, postAttentionNorm] }
}
