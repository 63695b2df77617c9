// A decoder-only (causal) language model computed as HF's LlamaForCausalLM — IDGenRec's second generative
// backbone ("model": "causal"): a user's whole item sequence, written as item-ID tokens, is one row, and one
// forward pass trains every position at once (next-token prediction, as SASRec trains every step).
//
// Legend: B batch, L positions, D hidden size, F intermediate size, H heads, K head width, HK = H·K,
// V vocabulary.
// Forward: embed_tokens → [dropout] → per layer (CausalLMLayer): x += attn(input_layernorm(x)),
// x += mlp(post_attention_layernorm(x)), each sublayer output [dropout]ed before its add → model.norm →
// LM head (embed_tokensᵀ when tied — no d^-½ scaling, unlike T5 — else lm_head).
// Attention: causal, rotary positions 0..L-1 by index in the row (RoPE, HF rotate_half layout), scale 1/√K.
// Rows are right-padded in training: a causal model's padding sits after every real token, so it needs no
// mask — it only changes its own outputs, whose labels are ignored.
// Dropout (`idgenrec_dropout`, `attention_dropout`) acts only when `training` is on; parity is at eval.
import Foundation

public final class CausalLM {
    public private(set) var config: CausalLMConfig
    public private(set) var embedTokens: Tensor  // [V, D]  model.embed_tokens
    public let layers: [CausalLMLayer]
    public let finalNorm: Tensor                 // [D]     model.norm
    public private(set) var lmHead: Tensor?      // [V, D]  lm_head, when embeddings are not tied
    /// Dropout on (training) or off (evaluation, decoding).
    public var training = false
    /// Dropout randomness; reseeded from the run's seed by trainers.
    public var dropoutRNG: SplitMix64

    /// Weights as HF's `_init_weights`: normal(0, initializer_range), the padding token's embedding row zero
    /// (nn.Embedding's padding_idx), RMS norms 1.
    public init(config c: CausalLMConfig, seed: UInt64) {
        MemoryTuning.applied
        do { try c.validate() } catch { preconditionFailure("CausalLM cannot compute this config: \(error)") }
        config = c
        var rng = SplitMix64(seed: seed).derived("causal-init")
        let std = Float(c.initializerRange), d = c.hiddenSize
        embedTokens = Tensor.normal([c.vocabSize, d], std: std, rng: &rng, requiresGrad: true)
        if let pad = c.padTokenID, (0..<c.vocabSize).contains(pad) {
            embedTokens.data.replaceSubrange((pad * d)..<((pad + 1) * d), with: repeatElement(0, count: d))
        }
        layers = (0..<c.numHiddenLayers).map { _ in CausalLMLayer(config: c, rng: &rng) }
        finalNorm = Tensor.filled([d], 1)
        finalNorm.requiresGrad = true
        lmHead = c.tieWordEmbeddings ? nil : Tensor.normal([c.vocabSize, d], std: std, rng: &rng, requiresGrad: true)
        dropoutRNG = SplitMix64(seed: seed).derived("causal-dropout")
    }

    // MARK: forward

    /// Token embeddings [B, L, D] for ids [B·L], row-major.
    public func embed(_ ids: [Int], batch b: Int) -> Tensor {
        embedTokens.gatherRows(ids, shape: [b, ids.count / max(b, 1)])
    }

    /// Hidden states [B, L, D] after the final norm, for embeddings [B, L, D] (token embeddings, or spliced
    /// soft embeddings). Position t sees positions 0...t only.
    public func hidden(embeddings: Tensor) -> Tensor {
        if training { return hidden(embeddings: embeddings, training: true, rng: &dropoutRNG) }
        var unused = SplitMix64(seed: 0)
        return hidden(embeddings: embeddings, training: false, rng: &unused)
    }

    /// The layer stack without touching the model's state when `training` is false (cached decoders prefill
    /// with it from several threads). `keyValues(layer, k, v)` receives each layer's rotated keys and its
    /// values [B, L, HK] — what a KV cache keeps.
    func hidden(embeddings x0: Tensor, training: Bool, rng: inout SplitMix64,
                keyValues: ((Int, Tensor, Tensor) -> Void)? = nil) -> Tensor {
        let c = config, h = c.numAttentionHeads, eps = Float(c.rmsNormEps), p = Float(c.dropout)
        precondition(x0.rank == 3 && x0.shape[2] == c.hiddenSize, "hidden needs embeddings [B, L, \(c.hiddenSize)], got \(x0.shape)")
        let rope = RotaryTable(headDim: c.headDim, theta: c.ropeTheta, positions: x0.shape[1])
        let queryScale = 1 / Float(c.headDim).squareRoot()
        var x = x0.dropout(p, training: training, rng: &rng)
        for (i, layer) in layers.enumerated() {
            let a = x.rmsNorm(weight: layer.inputNorm, epsilon: eps)
            let q = a.matmul(layer.q, transposeB: true).rotary(rope, heads: h, scale: queryScale)   // [B, L, HK]
            let k = a.matmul(layer.k, transposeB: true).rotary(rope, heads: h)                      // [B, L, HK]
            let v = a.matmul(layer.v, transposeB: true)                                             // [B, L, HK]
            keyValues?(i, k, v)
            let ctx = Tensor.attention(q: q, k: k, v: v, heads: h, position: nil, keyMask: nil, causal: true,
                                       dropout: Float(c.attentionDropout), training: training, rng: &rng)
            x = x + ctx.matmul(layer.o, transposeB: true).dropout(p, training: training, rng: &rng)
            let f = x.rmsNorm(weight: layer.postAttentionNorm, epsilon: eps)
            let act = f.matmul(layer.gate, transposeB: true).swiGLU(f.matmul(layer.up, transposeB: true))  // [B, L, F]
            x = x + act.matmul(layer.down, transposeB: true).dropout(p, training: training, rng: &rng)
        }
        return x.rmsNorm(weight: finalNorm, epsilon: eps)
    }

    /// LM head: hidden [..., D] → logits [..., V].
    public func logits(_ hidden: Tensor) -> Tensor {
        hidden.matmul(lmHead ?? embedTokens, transposeB: true)
    }

    /// Logits [B, L, V] for ids [B·L].
    public func logits(ids: [Int], batch b: Int) -> Tensor {
        logits(hidden(embeddings: embed(ids, batch: b)))
    }

    /// Mean token cross-entropy. `labels[b·L + t]` is the token position t must predict — already shifted
    /// (HF's `labels` shifted left by one: labels[t] = ids[t+1] for a plain LM) — or `Tensor.ignoreIndex`.
    /// Only labelled positions go through the LM head: padding and unlabelled prefixes cost no [·, V] work.
    public func loss(ids: [Int], batch b: Int, labels: [Int]) -> Tensor {
        precondition(labels.count == ids.count, "\(labels.count) labels for \(ids.count) tokens")
        let h = hidden(embeddings: embed(ids, batch: b)).reshaped([-1, config.hiddenSize])   // [B·L, D]
        let rows = labels.indices.filter { labels[$0] != Tensor.ignoreIndex }
        if rows.isEmpty || rows.count == labels.count { return logits(h).crossEntropy(targets: labels) }
        return logits(h.gatherRows(rows)).crossEntropy(targets: rows.map { labels[$0] })
    }

    // MARK: parameters

    /// Every trainable tensor with its HF name, in HF's order.
    public var namedParameters: [(String, Tensor)] {
        var out: [(String, Tensor)] = [("model.embed_tokens.weight", embedTokens)]
        for (i, layer) in layers.enumerated() {
            out += layer.namedParameters.map { ("model.layers.\(i).\($0.0)", $0.1) }
        }
        out.append(("model.norm.weight", finalNorm))
        if let lmHead { out.append(("lm_head.weight", lmHead)) }
        return out
    }

    public var parameters: [Tensor] { namedParameters.map(\.1) }

    /// RMS-norm weights: exempt from weight decay.
    public var noDecayParameters: [Tensor] { [finalNorm] + layers.flatMap(\.norms) }

    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Grows the vocabulary to `newSize` (atomic tokens added by an ID strategy); new rows drawn from `seed`
    /// with the init's std, existing rows unchanged.
    public func resizeVocabulary(to newSize: Int, seed: UInt64) {
        let old = embedTokens.shape[0], d = config.hiddenSize
        guard newSize > old else { return }
        var rng = SplitMix64(seed: seed).derived("vocab-\(newSize)")
        let std = Float(config.initializerRange)
        func grown(_ t: Tensor) -> Tensor {
            var data = t.data
            data.reserveCapacity(newSize * d)
            for _ in 0..<((newSize - old) * d) { data.append(std * rng.nextNormal()) }
            return Tensor(shape: [newSize, d], data: data, requiresGrad: true)
        }
        embedTokens = grown(embedTokens)
        if let h = lmHead { lmHead = grown(h) }
        config.vocabSize = newSize
    }

    /// Replaces every parameter's values by name (checkpoint loading); shapes already checked.
    func assign(_ values: [String: NamedArray]) {
        for (name, p) in namedParameters { if let a = values[name] { p.data = a.values } }
    }
}
