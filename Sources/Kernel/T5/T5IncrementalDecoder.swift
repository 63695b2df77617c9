// Cached step-by-step decoding for beam search: the encoder runs once per input, cross-attention keys and
// values are computed once per input and layer, and self-attention keys/values are kept per step as that
// step's projections [R_j, H, K] (appended, never re-gathered): each row reads position j's key from the row it descends
// from at step j (`ancestry`), so a beam reorder costs a table of R·t ints, not a gather of the whole
// cache (HF reorders the cache every step). No gradients anywhere.
//
// Legend: B inputs, R rows this step (beams × inputs), S input tokens, t decoded positions so far,
// D d_model, H heads, K d_kv, V vocabulary.
import Foundation

public final class T5IncrementalDecoder: IncrementalDecoder {
    let model: T5Model
    let sourceLength: Int
    let inputLengths: [Int]              // [B] tokens of each input; its keys past that are padding
    let crossK: [[Float]]                // per layer Kᵀ [B, H, K, S]: each (input, head) block contiguous
    let crossV: [[Float]]                // per layer V [B, H, S, K]
    var selfK: [[Float]]                 // per layer: every step's projections [R_j, H, K], appended
    var selfV: [[Float]]
    var stepStart: [Int] = []            // [t+1]: where step j's block starts in selfK[l] and selfV[l]
    var ancestry: [[Int]] = []           // [t+1][R]: the row at step j that row r descends from (j = t: r)
    var rowInput: [Int] = []             // [R] which input each row decodes for
    var position = 0                     // t

    public var vocabularySize: Int { model.config.vocabSize }

    init(model: T5Model, inputs: [[Int]]) {
        self.model = model
        let c = model.config
        let b = inputs.count
        let s = max(1, inputs.map(\.count).max() ?? 1)
        var ids = [Int](repeating: c.padTokenID, count: b * s), mask = [Float](repeating: 0, count: b * s)
        for (r, row) in inputs.enumerated() { for (j, tok) in row.enumerated() { ids[r * s + j] = tok; mask[r * s + j] = 1 } }
        sourceLength = s
        inputLengths = inputs.map(\.count)
        // No dropout, and nothing of the model's written: shards of a decode may encode at the same time.
        var unused = SplitMix64(seed: 0)
        let encoded = Tape.withoutGradients {
            model.encode(embeddings: model.embed(ids, batch: b), attentionMask: mask, dropoutRNG: &unused, training: false)
        }.data  // [B·S, D]
        // Keys are kept transposed so that the scores Q · Kᵀ are a plain product (OpenBLAS's small-matrix NN
        // kernel: half the time of Q · Kᵀ from rows), and each (input, head) block of keys and of values is
        // contiguous (a strided block costs the step's small products ~15% more in cache misses).
        var ks: [[Float]] = [], vs: [[Float]] = []
        let hk = c.innerDim, h = c.numHeads, dk = c.dKV
        var kRows = [Float].uninitialized(b * s * hk), vRows = [Float].uninitialized(b * s * hk)   // [B·S, H·K]
        for block in model.decoderBlocks {
            let a = block.crossAttention!
            T5Model.product(encoded, a.k, into: &kRows)
            T5Model.product(encoded, a.v, into: &vRows)
            var kt = [Float].uninitialized(b * s * hk), v = [Float].uninitialized(b * s * hk)
            kRows.withUnsafeBufferPointer { kp in vRows.withUnsafeBufferPointer { vp in
            kt.withUnsafeMutableBufferPointer { ktp in v.withUnsafeMutableBufferPointer { vtp in
                let K = kp.baseAddress!, Vr = vp.baseAddress!, Kt = ktp.baseAddress!, Vt = vtp.baseAddress!
                Parallel.forEach(b * h, minimumWork: s * dk * 2) { job in
                    let bi = job / h, hi = job % h, block = job * s * dk
                    for j in 0..<s {
                        let src = (bi * s + j) * hk + hi * dk
                        for e in 0..<dk { Kt[block + e * s + j] = K[src + e] }
                        (Vt + block + j * dk).update(from: Vr + src, count: dk)
                    }
                }
            } } } }
            ks.append(kt)
            vs.append(v)
        }
        crossK = ks
        crossV = vs
        selfK = Array(repeating: [], count: c.numDecoderLayers)
        selfV = Array(repeating: [], count: c.numDecoderLayers)
    }

    public func step(parents: [Int], tokens: [Int]) -> [Float] {
        var (out, normalizers) = stepLogits(parents: parents, tokens: tokens)   // made log-softmax in place
        let v = model.config.vocabSize
        out.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return }
            Parallel.forEach(parents.count, minimumWork: v * 2) { row in
                let l = normalizers[row], r = base + row * v
                for i in 0..<v { r[i] -= l }
            }
        }
        return out
    }

    /// Logits [R, V] and each row's log Σ exp (max-shifted, as `Tensor.logSoftmaxRow`).
    public func stepLogits(parents: [Int], tokens: [Int]) -> (logits: [Float], normalizers: [Float]) {
        let hidden = advance(parents: parents, tokens: tokens)
        let logits = Tape.withoutGradients { model.logits(hidden).data }       // [R, V]
        let v = model.config.vocabSize, r = parents.count
        var normalizers = [Float](repeating: 0, count: r)
        logits.withUnsafeBufferPointer { lp in normalizers.withUnsafeMutableBufferPointer { np in
            guard let L = lp.baseAddress, let N = np.baseAddress else { return }
            Parallel.forEach(r, minimumWork: v * 8) { row in
                let x = L + row * v, m = VectorKernels.max(x, v)
                N[row] = m + Foundation.log(VectorKernels.sumExp(x, v, shift: m))
            }
        } }
        return (logits, normalizers)
    }

    /// Renormalized scoring needs only the allowed tokens' logits: a dot product with each allowed token's
    /// output row instead of the whole [R, V] output layer (rows allowing more than V/8 tokens — the first
    /// steps of a wide trie — still go through the full product).
    public func stepAllowed(parents: [Int], tokens: [Int], allowed: [[Int]]) -> [[Float]] {
        let hidden = advance(parents: parents, tokens: tokens)             // [R, 1, D]
        let c = model.config, d = c.dModel, v = c.vocabSize
        let table = (model.lmHead ?? model.shared).data                      // [V, D]
        let scale: Float = c.scaleDecoderOutputs ? 1 / Float(d).squareRoot() : 1
        let wide = allowed.indices.filter { allowed[$0].count * 8 > v }
        var out = [[Float]](repeating: [], count: parents.count)
        if !wide.isEmpty {
            let rows = Tensor(shape: [wide.count, d], data: wide.flatMap { Array(hidden.data[($0 * d)..<(($0 + 1) * d)]) })
            let logits = Tape.withoutGradients { model.logits(rows) }.data
            for (i, r) in wide.enumerated() { out[r] = allowed[r].map { logits[i * v + $0] } }
        }
        hidden.data.withUnsafeBufferPointer { hp in table.withUnsafeBufferPointer { tp in
            for r in allowed.indices where allowed[r].count * 8 <= v {
                let h = hp.baseAddress! + r * d
                out[r] = allowed[r].map { VectorKernels.dot(h, tp.baseAddress! + $0 * d, d) * scale }
            }
        } }
        for r in out.indices where !out[r].isEmpty {
            let m = out[r].max()!
            let l = m + Foundation.log(out[r].reduce(Float(0)) { $0 + Foundation.exp($1 - m) })
            for j in out[r].indices { out[r][j] -= l }
        }
        return out
    }

    /// Runs the decoder stack for one new token per row (caches updated); the final-norm hidden state [R, 1, D].
    /// Inference only, on plain buffers reused across layers: each residual add is folded into the product
    /// that makes it (x += ctx · Woᵀ with β = 1), and the feed-forward activation is applied in place.
    private func advance(parents: [Int], tokens: [Int]) -> Tensor {
        precondition(parents.count == tokens.count, "one token per row")
        let c = model.config
        let r = parents.count, h = c.numHeads, dk = c.dKV, t = position, d = c.dModel, hk = h * dk
        rowInput = position == 0 ? parents : parents.map { rowInput[$0] }
        ancestry = ancestry.map { steps in parents.map { steps[$0] } } + [Array(0..<r)]
        // Causal buckets for the one new query at position t against keys 0...t.
        let biasTable = model.decoderBlocks[0].selfAttention.relativeBias!
        let buckets = T5RelativePosition.buckets(queries: 1, keys: t + 1, queryStart: t, bidirectional: false,
                                                 numBuckets: c.relativeAttentionNumBuckets,
                                                 maxDistance: c.relativeAttentionMaxDistance)
        var bias = [Float](repeating: 0, count: h * (t + 1))             // [H, t+1]
        for j in 0...t { for hi in 0..<h { bias[hi * (t + 1) + j] = biasTable.data[buckets[j] * h + hi] } }
        stepStart.append(selfK.first?.count ?? 0)                      // this step's block in the caches

        var x = [Float].uninitialized(r * d)                              // the residual stream [R, D]
        model.shared.data.withUnsafeBufferPointer { e in x.withUnsafeMutableBufferPointer { xp in
            for (i, token) in tokens.enumerated() { (xp.baseAddress! + i * d).update(from: e.baseAddress! + token * d, count: d) }
        } }
        var normed = [Float].uninitialized(r * d), q = [Float].uninitialized(r * hk)
        var k = [Float].uninitialized(r * hk), v = [Float].uninitialized(r * hk)
        var inner = [Float].uninitialized(r * c.dFF), gate: [Float] = c.isGated ? .uninitialized(r * c.dFF) : []
        for (l, block) in model.decoderBlocks.enumerated() {
            // Self-attention with the cache.
            let a = block.selfAttention
            T5Model.normalize(x, block.selfAttentionNorm, into: &normed, width: d, epsilon: c.layerNormEpsilon)
            T5Model.product(normed, a.q, into: &q)
            T5Model.product(normed, a.k, into: &k)
            T5Model.product(normed, a.v, into: &v)
            selfK[l].append(contentsOf: k)
            selfV[l].append(contentsOf: v)
            let ctx = attendCached(q: q, keys: selfK[l], values: selfV[l], bias: bias, heads: h, dk: dk)
            T5Model.product(ctx, a.o, into: &x, accumulate: true)
            // Cross-attention over the input's cached keys/values.
            let ca = block.crossAttention!
            T5Model.normalize(x, block.crossAttentionNorm!, into: &normed, width: d, epsilon: c.layerNormEpsilon)
            T5Model.product(normed, ca.q, into: &q)
            let cctx = attendGrouped(q: q, keysT: crossK[l], values: crossV[l], keyRow: rowInput, heads: h, dk: dk)
            T5Model.product(cctx, ca.o, into: &x, accumulate: true)
            // Feed-forward: wo · relu(wi · x), or wo · (gelu(wi0 · x) ⊙ wi1 · x).
            T5Model.normalize(x, block.feedForwardNorm, into: &normed, width: d, epsilon: c.layerNormEpsilon)
            normed.withUnsafeBufferPointer { np in x.withUnsafeMutableBufferPointer { xp in
            inner.withUnsafeMutableBufferPointer { ip in gate.withUnsafeMutableBufferPointer { gp in
                T5Model.feedForward(block.feedForward, rows: r, np.baseAddress!, inner: ip.baseAddress!, gate: gp.baseAddress,
                                    into: xp.baseAddress!, width: d)
            } } } }
        }
        position += 1
        T5Model.normalize(x, model.decoderFinalNorm, into: &normed, width: d, epsilon: c.layerNormEpsilon)
        return Tensor(shape: [r, 1, d], data: normed)
    }

    /// Cross-attention: the rows of one input (consecutive rows with the same keyRow — a beam search keeps an
    /// input's beams together) share its keys and values, so each (run of rows, head) is two small GEMMs,
    /// scores [G, L] = Q [G, K] · Kᵀ [K, L] and context [G, K] = softmax(scores) · V [L, K], over the input's L
    /// real tokens only: its padded keys would get weight e^(−10⁹) = 0 exactly, so they are left out rather
    /// than masked. Returns [R, H·K], as `attend`.
    private func attendGrouped(q: [Float], keysT: [Float], values: [Float], keyRow: [Int], heads h: Int, dk: Int) -> [Float] {
        let r = keyRow.count, s = sourceLength, hk = h * dk
        var runs: [Range<Int>] = []
        var lo = 0
        while lo < r {
            var hi = lo + 1
            while hi < r && keyRow[hi] == keyRow[lo] { hi += 1 }
            runs.append(lo..<hi)
            lo = hi
        }
        var out = [Float].uninitialized(r * hk)                           // every element written by a product
        out.withUnsafeMutableBufferPointer { o in q.withUnsafeBufferPointer { qp in keysT.withUnsafeBufferPointer { kp in
        values.withUnsafeBufferPointer { vp in
            let O = o.baseAddress!, Q = qp.baseAddress!, Kt = kp.baseAddress!, Vp = vp.baseAddress!
            Parallel.forEach(runs.count * h, minimumWork: (r / max(runs.count, 1)) * s * dk * 4) { job in
                let run = runs[job / h], hi = job % h, g = run.count, src = keyRow[run.lowerBound]
                let real = inputLengths[src], n = real > 0 ? real : s
                let kBase = Kt + (src * h + hi) * dk * s, vBase = Vp + (src * h + hi) * s * dk
                let qBase = Q + run.lowerBound * hk + hi * dk, oBase = O + run.lowerBound * hk + hi * dk
                withUnsafeTemporaryAllocation(of: Float.self, capacity: g * n) { sp in
                    let S = sp.baseAddress!
                    if real == 0 {                 // an empty input: every key masked, equal weights (as HF's softmax)
                        S.update(repeating: 1 / Float(n), count: g * n)
                    } else {
                        sgemm(false, false, g, n, dk, qBase, hk, kBase, s, S, n)
                        for row in 0..<g { VectorKernels.softmax(S + row * n, S + row * n, n) }
                    }
                    sgemm(false, false, g, dk, n, S, n, vBase, dk, oBase, hk)
                }
            }
        } } } }
        return out
    }

    /// Self-attention of this step's query rows over positions 0...t: position j's key and value for row r
    /// are row ancestry[j][r] of step j's projections. softmax(q·kᵀ + bias)·v per (row, head); [R, H·K].
    private func attendCached(q: [Float], keys: [Float], values: [Float], bias: [Float], heads h: Int, dk: Int) -> [Float] {
        let r = ancestry[ancestry.count - 1].count, n = stepStart.count
        var out = [Float](repeating: 0, count: r * h * dk)
        let anc = ancestry, starts = stepStart
        out.withUnsafeMutableBufferPointer { o in q.withUnsafeBufferPointer { qp in bias.withUnsafeBufferPointer { bp in
        keys.withUnsafeBufferPointer { kp in values.withUnsafeBufferPointer { vp in
            let O = o.baseAddress!, Q = qp.baseAddress!, Bias = bp.baseAddress!, Kc = kp.baseAddress!, Vc = vp.baseAddress!
            Parallel.forEach(r, minimumWork: h * n * dk * 2) { row in
              withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { scores in
              withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { src in
                for j in 0..<n { src[j] = anc[j][row] }
                for hi in 0..<h {
                    let qv = Q + (row * h + hi) * dk
                    var m = -Float.infinity
                    for j in 0..<n {
                        let s = VectorKernels.dot(qv, Kc + starts[j] + (src[j] * h + hi) * dk, dk) + Bias[hi * n + j]
                        scores[j] = s
                        m = max(m, s)
                    }
                    let total = VectorKernels.expShifted(scores.baseAddress!, scores.baseAddress!, n, shift: m)
                    let inv = 1 / total
                    let dst = O + (row * h + hi) * dk
                    for j in 0..<n { VectorKernels.axpy(scores[j] * inv, Vc + starts[j] + (src[j] * h + hi) * dk, dst, dk) }
                }
              }
              }
            }
        } } } } }
        return out
    }
}

extension T5Model: Seq2SeqScorer {
    /// Decoders of one model share only read-only weights, so shards may decode side by side.
    public var supportsConcurrentDecoding: Bool { true }
    public var decoderStartID: Int { config.decoderStartTokenID }
    public var eosID: Int { config.eosTokenID }
    public var padID: Int { config.padTokenID }

    public func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder {
        T5IncrementalDecoder(model: self, inputs: inputs)
    }
}
