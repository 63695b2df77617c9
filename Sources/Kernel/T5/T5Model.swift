// T5 encoder-decoder (Raffel et al. 2020) as HF's T5ForConditionalGeneration computes it — both IDGenRec
// models (the ID generator and the recommender) are this class.
//
// Legend: B batch, S input tokens, T target tokens, D d_model, V vocabulary.
// Forward: shared embedding → dropout → encoder blocks (relative position bias made in block 0, bidirectional,
// shared by all blocks) → final RMS norm → dropout; decoder the same with causal self-attention buckets and
// cross-attention over the encoder output; LM head = shared embeddingᵀ on output·D^-½ when tied, else lm_head.
import Foundation

/// A padded batch: row-major token ids with 1/0 attention masks.
public struct T5Batch {
    public var batch: Int
    public var inputIDs: [Int]          // [B, S]
    public var attentionMask: [Float]   // [B, S] 1 = token, 0 = padding
    public var decoderInputIDs: [Int]   // [B, T]
    public var labels: [Int]            // [B, T], Tensor.ignoreIndex where padding

    public init(batch: Int, inputIDs: [Int], attentionMask: [Float], decoderInputIDs: [Int], labels: [Int]) {
        self.batch = batch
        self.inputIDs = inputIDs
        self.attentionMask = attentionMask
        self.decoderInputIDs = decoderInputIDs
        self.labels = labels
    }

    public var sourceLength: Int { inputIDs.count / max(batch, 1) }
    public var targetLength: Int { decoderInputIDs.count / max(batch, 1) }

    /// Pads sources and targets; decoder inputs are the targets shifted right after `startID` (HF's
    /// `_shift_right`), labels are the targets with padding set to the ignore index.
    public static func make(sources: [[Int]], targets: [[Int]], padID: Int, startID: Int) -> T5Batch {
        let b = sources.count
        let s = sources.map(\.count).max() ?? 0, t = targets.map(\.count).max() ?? 0
        var ids = [Int](repeating: padID, count: b * s), mask = [Float](repeating: 0, count: b * s)
        var dec = [Int](repeating: padID, count: b * t), lab = [Int](repeating: Tensor.ignoreIndex, count: b * t)
        for r in 0..<b {
            for (j, tok) in sources[r].enumerated() { ids[r * s + j] = tok; mask[r * s + j] = 1 }
            for (j, tok) in targets[r].enumerated() {
                lab[r * t + j] = tok
                if j + 1 < t { dec[r * t + j + 1] = tok }
            }
            if t > 0 { dec[r * t] = startID }
        }
        return T5Batch(batch: b, inputIDs: ids, attentionMask: mask, decoderInputIDs: dec, labels: lab)
    }
}

public final class T5Model {
    public private(set) var config: T5Config
    public private(set) var shared: Tensor       // [V, D]
    public let encoderBlocks: [T5Block]
    public let encoderFinalNorm: Tensor          // [D]
    public let decoderBlocks: [T5Block]
    public let decoderFinalNorm: Tensor          // [D]
    public private(set) var lmHead: Tensor?      // [V, D] when embeddings are not tied
    /// Dropout randomness; reseeded from the run's seed by trainers.
    public var dropoutRNG: SplitMix64
    public var training = false

    public init(config c: T5Config, seed: UInt64) {
        MemoryTuning.applied
        config = c
        var rng = SplitMix64(seed: seed).derived("t5-init")
        let f = c.initializerFactor
        shared = Tensor.normal([c.vocabSize, c.dModel], std: f, rng: &rng, requiresGrad: true)
        encoderBlocks = (0..<c.numLayers).map { T5Block(config: c, isDecoder: false, hasRelativeBias: $0 == 0, rng: &rng) }
        decoderBlocks = (0..<c.numDecoderLayers).map { T5Block(config: c, isDecoder: true, hasRelativeBias: $0 == 0, rng: &rng) }
        encoderFinalNorm = Tensor.filled([c.dModel], 1)
        decoderFinalNorm = Tensor.filled([c.dModel], 1)
        encoderFinalNorm.requiresGrad = true
        decoderFinalNorm.requiresGrad = true
        lmHead = c.tieWordEmbeddings ? nil : Tensor.normal([c.vocabSize, c.dModel], std: f, rng: &rng, requiresGrad: true)
        dropoutRNG = SplitMix64(seed: seed).derived("t5-dropout")
    }

    // MARK: forward

    /// Encoder over input embeddings [B, S, D] (token embeddings, or IDGenRec's spliced soft embeddings).
    public func encode(embeddings x0: Tensor, attentionMask: [Float]) -> Tensor {
        if training { return encode(embeddings: x0, attentionMask: attentionMask, dropoutRNG: &dropoutRNG) }
        var unused = SplitMix64(seed: 0)
        return encode(embeddings: x0, attentionMask: attentionMask, dropoutRNG: &unused)
    }

    /// The encoder without touching the model's state when `training` is off (several threads may encode
    /// with one model at once for inference).
    func encode(embeddings x0: Tensor, attentionMask: [Float], dropoutRNG: inout SplitMix64, training: Bool? = nil) -> Tensor {
        let c = config, s = x0.shape[1], training = training ?? self.training
        var x = x0.dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
        let bias = T5RelativePosition.bias(table: encoderBlocks[0].selfAttention.relativeBias!, queries: s, keys: s,
                                           bidirectional: true, numBuckets: c.relativeAttentionNumBuckets,
                                           maxDistance: c.relativeAttentionMaxDistance)
        for block in encoderBlocks {
            let h = x.rmsNorm(weight: block.selfAttentionNorm, epsilon: c.layerNormEpsilon)
            x = x + block.selfAttention.forward(h, kv: h, bias: bias, keyMask: attentionMask, causal: false,
                                                dropout: c.dropoutRate, training: training, rng: &dropoutRNG)
                .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
            let f = x.rmsNorm(weight: block.feedForwardNorm, epsilon: c.layerNormEpsilon)
            x = x + block.feedForward.forward(f, dropout: c.dropoutRate, training: training, rng: &dropoutRNG)
                .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
        }
        return x.rmsNorm(weight: encoderFinalNorm, epsilon: c.layerNormEpsilon)
            .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
    }

    public func encode(inputIDs: [Int], batch b: Int, attentionMask: [Float]) -> Tensor {
        encode(embeddings: embed(inputIDs, batch: b), attentionMask: attentionMask)
    }

    /// Token embeddings [B, L, D].
    public func embed(_ ids: [Int], batch b: Int) -> Tensor {
        shared.gatherRows(ids, shape: [b, ids.count / max(b, 1)])
    }

    /// Decoder hidden states [B, T, D] after the final norm, for decoder input ids [B, T].
    public func decode(_ decoderIDs: [Int], batch b: Int, encoded: Tensor, attentionMask: [Float]) -> Tensor {
        let c = config, t = decoderIDs.count / max(b, 1)
        var x = embed(decoderIDs, batch: b).dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
        let bias = T5RelativePosition.bias(table: decoderBlocks[0].selfAttention.relativeBias!, queries: t, keys: t,
                                           bidirectional: false, numBuckets: c.relativeAttentionNumBuckets,
                                           maxDistance: c.relativeAttentionMaxDistance)
        for block in decoderBlocks {
            let h = x.rmsNorm(weight: block.selfAttentionNorm, epsilon: c.layerNormEpsilon)
            x = x + block.selfAttention.forward(h, kv: h, bias: bias, keyMask: nil, causal: true,
                                                dropout: c.dropoutRate, training: training, rng: &dropoutRNG)
                .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
            let q = x.rmsNorm(weight: block.crossAttentionNorm!, epsilon: c.layerNormEpsilon)
            x = x + block.crossAttention!.forward(q, kv: encoded, bias: nil, keyMask: attentionMask, causal: false,
                                                  dropout: c.dropoutRate, training: training, rng: &dropoutRNG)
                .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
            let f = x.rmsNorm(weight: block.feedForwardNorm, epsilon: c.layerNormEpsilon)
            x = x + block.feedForward.forward(f, dropout: c.dropoutRate, training: training, rng: &dropoutRNG)
                .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
        }
        return x.rmsNorm(weight: decoderFinalNorm, epsilon: c.layerNormEpsilon)
            .dropout(c.dropoutRate, training: training, rng: &dropoutRNG)
    }

    /// LM head: hidden [..., D] → logits [..., V].
    public func logits(_ hidden: Tensor) -> Tensor {
        let h = config.scaleDecoderOutputs ? hidden.scaled(1 / Float(config.dModel).squareRoot()) : hidden
        return h.matmul(lmHead ?? shared, transposeB: true)
    }

    /// Logits [B, T, V] for a batch.
    public func forward(_ batch: T5Batch) -> Tensor {
        let enc = encode(inputIDs: batch.inputIDs, batch: batch.batch, attentionMask: batch.attentionMask)
        return logits(decode(batch.decoderInputIDs, batch: batch.batch, encoded: enc, attentionMask: batch.attentionMask))
    }

    /// Mean token cross-entropy over non-padding labels.
    public func loss(_ batch: T5Batch, labelSmoothing: Float = 0) -> Tensor {
        let l = forward(batch)
        return l.reshaped([-1, config.vocabSize]).crossEntropy(targets: batch.labels, labelSmoothing: labelSmoothing)
    }

    // MARK: parameters

    /// Every trainable tensor with its HF name, in a stable order.
    public var namedParameters: [(String, Tensor)] {
        var out: [(String, Tensor)] = [("shared.weight", shared)]
        func attention(_ prefix: String, _ a: T5Attention) {
            out += [("\(prefix).q.weight", a.q), ("\(prefix).k.weight", a.k), ("\(prefix).v.weight", a.v), ("\(prefix).o.weight", a.o)]
            if let r = a.relativeBias { out.append(("\(prefix).relative_attention_bias.weight", r)) }
        }
        func ff(_ prefix: String, _ f: T5FeedForward) {
            if let wi = f.wi { out.append(("\(prefix).DenseReluDense.wi.weight", wi)) }
            if let w0 = f.wi0, let w1 = f.wi1 {
                out += [("\(prefix).DenseReluDense.wi_0.weight", w0), ("\(prefix).DenseReluDense.wi_1.weight", w1)]
            }
            out.append(("\(prefix).DenseReluDense.wo.weight", f.wo))
        }
        for (i, b) in encoderBlocks.enumerated() {
            attention("encoder.block.\(i).layer.0.SelfAttention", b.selfAttention)
            out.append(("encoder.block.\(i).layer.0.layer_norm.weight", b.selfAttentionNorm))
            ff("encoder.block.\(i).layer.1", b.feedForward)
            out.append(("encoder.block.\(i).layer.1.layer_norm.weight", b.feedForwardNorm))
        }
        out.append(("encoder.final_layer_norm.weight", encoderFinalNorm))
        for (i, b) in decoderBlocks.enumerated() {
            attention("decoder.block.\(i).layer.0.SelfAttention", b.selfAttention)
            out.append(("decoder.block.\(i).layer.0.layer_norm.weight", b.selfAttentionNorm))
            attention("decoder.block.\(i).layer.1.EncDecAttention", b.crossAttention!)
            out.append(("decoder.block.\(i).layer.1.layer_norm.weight", b.crossAttentionNorm!))
            ff("decoder.block.\(i).layer.2", b.feedForward)
            out.append(("decoder.block.\(i).layer.2.layer_norm.weight", b.feedForwardNorm))
        }
        out.append(("decoder.final_layer_norm.weight", decoderFinalNorm))
        if let lmHead { out.append(("lm_head.weight", lmHead)) }
        return out
    }

    public var parameters: [Tensor] { namedParameters.map(\.1) }

    /// Layer-norm weights: exempt from weight decay (the reference's filter meant to, but never matched).
    public var noDecayParameters: [Tensor] {
        [encoderFinalNorm, decoderFinalNorm] + (encoderBlocks + decoderBlocks).flatMap(\.norms)
    }

    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Grows the vocabulary to `newSize` (atomic tokens added by an ID strategy); new rows drawn from `seed`
    /// with the init's std, existing rows unchanged.
    public func resizeVocabulary(to newSize: Int, seed: UInt64) {
        let old = shared.shape[0], d = config.dModel
        guard newSize > old else { return }
        var rng = SplitMix64(seed: seed).derived("vocab-\(newSize)")
        func grown(_ t: Tensor) -> Tensor {
            var data = t.data
            for _ in 0..<((newSize - old) * d) { data.append(config.initializerFactor * rng.nextNormal()) }
            return Tensor(shape: [newSize, d], data: data, requiresGrad: true)
        }
        shared = grown(shared)
        if let h = lmHead { lmHead = grown(h) }
        config.vocabSize = newSize
    }
}
