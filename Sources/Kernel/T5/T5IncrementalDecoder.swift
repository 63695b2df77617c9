// Cached step-by-step decoding for beam search: the encoder runs once per input, cross-attention keys and
// values are computed once per input and layer, and self-attention keys/values grow by one position per step
// and follow their beams (rows are re-gathered by `parents`). No gradients anywhere.
//
// Legend: B inputs, R rows this step (beams × inputs), S input tokens, t decoded positions so far,
// D d_model, H heads, K d_kv, V vocabulary.
import Foundation

public final class T5IncrementalDecoder: IncrementalDecoder {
    let model: T5Model
    let sourceLength: Int
    let keyMask: [Float]                 // [B, S]
    let crossK: [[Float]]                // per layer [B, H, S, K]
    let crossV: [[Float]]                // per layer [B, H, S, K]
    var selfK: [[Float]]                 // per layer [R, H, t, K]
    var selfV: [[Float]]
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
        keyMask = mask
        let wasTraining = model.training
        model.training = false
        let encoded = Tape.withoutGradients { model.encode(inputIDs: ids, batch: b, attentionMask: mask) }  // [B, S, D]
        model.training = wasTraining
        var ks: [[Float]] = [], vs: [[Float]] = []
        Tape.withoutGradients {
            for block in model.decoderBlocks {
                let a = block.crossAttention!
                ks.append(a.splitHeads(encoded.matmul(a.k, transposeB: true), batch: b).data)
                vs.append(a.splitHeads(encoded.matmul(a.v, transposeB: true), batch: b).data)
            }
        }
        crossK = ks
        crossV = vs
        selfK = Array(repeating: [], count: c.numDecoderLayers)
        selfV = Array(repeating: [], count: c.numDecoderLayers)
    }

    public func step(parents: [Int], tokens: [Int]) -> [Float] {
        let hidden = advance(parents: parents, tokens: tokens)
        return Tape.withoutGradients {
            var out = model.logits(hidden).data                              // [R, V], made log-softmax in place
            let v = model.config.vocabSize
            out.withUnsafeMutableBufferPointer { o in
                let base = o.baseAddress!
                Parallel.forEach(parents.count, minimumWork: v * 8) { row in Tensor.logSoftmaxRow(base + row * v, base + row * v, v) }
            }
            return out
        }
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
    private func advance(parents: [Int], tokens: [Int]) -> Tensor {
        precondition(parents.count == tokens.count, "one token per row")
        let c = model.config
        let r = parents.count, h = c.numHeads, dk = c.dKV, t = position
        rowInput = position == 0 ? parents : parents.map { rowInput[$0] }
        return Tape.withoutGradients {
            var x = model.embed(tokens, batch: r)                        // [R, 1, D]
            // Causal buckets for the one new query at position t against keys 0...t.
            let biasTable = model.decoderBlocks[0].selfAttention.relativeBias!
            let buckets = T5RelativePosition.buckets(queries: 1, keys: t + 1, queryStart: t, bidirectional: false,
                                                     numBuckets: c.relativeAttentionNumBuckets,
                                                     maxDistance: c.relativeAttentionMaxDistance)
            var bias = [Float](repeating: 0, count: h * (t + 1))         // [H, t+1]
            for j in 0...t { for hi in 0..<h { bias[hi * (t + 1) + j] = biasTable.data[buckets[j] * h + hi] } }

            for (l, block) in model.decoderBlocks.enumerated() {
                // Self-attention with the cache.
                let a = block.selfAttention
                let hn = x.rmsNorm(weight: block.selfAttentionNorm, epsilon: c.layerNormEpsilon)
                let q = hn.matmul(a.q, transposeB: true).data               // [R, H·K]
                let k = hn.matmul(a.k, transposeB: true).data
                let v = hn.matmul(a.v, transposeB: true).data
                selfK[l] = appendStep(cache: selfK[l], parents: parents, new: k, rows: r, heads: h, dk: dk, t: t)
                selfV[l] = appendStep(cache: selfV[l], parents: parents, new: v, rows: r, heads: h, dk: dk, t: t)
                let ctx = attend(q: q, keys: selfK[l], values: selfV[l], keyRow: Array(0..<r), length: t + 1,
                                 bias: bias, mask: nil, heads: h, dk: dk)
                x = x + Tensor(shape: [r, 1, h * dk], data: ctx).matmul(a.o, transposeB: true)
                // Cross-attention over the input's cached keys/values.
                let ca = block.crossAttention!
                let cn = x.rmsNorm(weight: block.crossAttentionNorm!, epsilon: c.layerNormEpsilon)
                let cq = cn.matmul(ca.q, transposeB: true).data
                let cctx = attendGrouped(q: cq, keys: crossK[l], values: crossV[l], keyRow: rowInput, length: sourceLength,
                                         mask: keyMask, heads: h, dk: dk)
                x = x + Tensor(shape: [r, 1, h * dk], data: cctx).matmul(ca.o, transposeB: true)
                let f = x.rmsNorm(weight: block.feedForwardNorm, epsilon: c.layerNormEpsilon)
                x = x + block.feedForward.forward(f, dropout: 0, training: false, rng: &model.dropoutRNG)
            }
            position += 1
            return x.rmsNorm(weight: model.decoderFinalNorm, epsilon: c.layerNormEpsilon)
        }
    }

    /// New cache [R, H, t+1, K]: each row's parent history, then this step's key/value.
    private func appendStep(cache: [Float], parents: [Int], new: [Float], rows r: Int, heads h: Int, dk: Int, t: Int) -> [Float] {
        var out = [Float](repeating: 0, count: r * h * (t + 1) * dk)
        out.withUnsafeMutableBufferPointer { o in cache.withUnsafeBufferPointer { old in new.withUnsafeBufferPointer { nw in
            for row in 0..<r {
                for hi in 0..<h {
                    let dst = ((row * h + hi) * (t + 1)) * dk
                    if t > 0 {
                        let src = ((parents[row] * h + hi) * t) * dk
                        for i in 0..<(t * dk) { o[dst + i] = old[src + i] }
                    }
                    for i in 0..<dk { o[dst + t * dk + i] = nw[row * h * dk + hi * dk + i] }
                }
            }
        } } }
        return out
    }

    /// Cross-attention: the rows of one input (consecutive rows with the same keyRow — a beam search keeps an
    /// input's beams together) share its keys and values, so each (run of rows, head) is two small GEMMs,
    /// scores [G, S] = Q [G, K] · Kᵀ and context [G, K] = softmax(scores + mask) · V, instead of G separate
    /// passes over the same keys. Returns [R, H·K], as `attend`.
    private func attendGrouped(q: [Float], keys: [Float], values: [Float], keyRow: [Int], length n: Int,
                               mask: [Float], heads h: Int, dk: Int) -> [Float] {
        let r = keyRow.count
        var runs: [Range<Int>] = []
        var lo = 0
        while lo < r {
            var hi = lo + 1
            while hi < r && keyRow[hi] == keyRow[lo] { hi += 1 }
            runs.append(lo..<hi)
            lo = hi
        }
        var out = [Float](repeating: 0, count: r * h * dk)
        out.withUnsafeMutableBufferPointer { o in q.withUnsafeBufferPointer { qp in keys.withUnsafeBufferPointer { kp in
        values.withUnsafeBufferPointer { vp in mask.withUnsafeBufferPointer { mp in
            let O = o.baseAddress!, Q = qp.baseAddress!, Kp = kp.baseAddress!, Vp = vp.baseAddress!, M = mp.baseAddress!
            Parallel.forEach(runs.count * h, minimumWork: (r / max(runs.count, 1)) * n * dk * 4) { job in
                let run = runs[job / h], hi = job % h, g = run.count, src = keyRow[run.lowerBound]
                let kBase = Kp + ((src * h + hi) * n) * dk, vBase = Vp + ((src * h + hi) * n) * dk
                let qBase = Q + run.lowerBound * h * dk + hi * dk, oBase = O + run.lowerBound * h * dk + hi * dk
                var scores = [Float](repeating: 0, count: g * n)
                scores.withUnsafeMutableBufferPointer { sp in
                    let S = sp.baseAddress!
                    sgemm(false, true, g, n, dk, qBase, h * dk, kBase, dk, S, n)
                    let maskRow = M + src * n
                    for row in 0..<g {
                        let sr = S + row * n
                        for j in 0..<n where maskRow[j] == 0 { sr[j] += Tensor.maskValue }
                        let m = VectorKernels.max(sr, n)
                        let inv = 1 / VectorKernels.expShifted(sr, sr, n, shift: m)
                        for j in 0..<n { sr[j] *= inv }
                    }
                    sgemm(false, false, g, dk, n, S, n, vBase, dk, oBase, h * dk)
                }
            }
        } } } } }
        return out
    }

    /// For each row and head: softmax(q·Kᵀ + bias + mask)·V over `length` keys of cache row keyRow[row].
    /// Returns [R, H·K].
    private func attend(q: [Float], keys: [Float], values: [Float], keyRow: [Int], length n: Int,
                        bias: [Float]?, mask: [Float]?, heads h: Int, dk: Int) -> [Float] {
        let r = keyRow.count
        var out = [Float](repeating: 0, count: r * h * dk)
        out.withUnsafeMutableBufferPointer { o in q.withUnsafeBufferPointer { qp in keys.withUnsafeBufferPointer { kp in
        values.withUnsafeBufferPointer { vp in
            let O = o.baseAddress!, Q = qp.baseAddress!, Kp = kp.baseAddress!, Vp = vp.baseAddress!
            Parallel.forEach(r, minimumWork: h * n * dk * 2) { row in
                var scores = [Float](repeating: 0, count: n)
                let src = keyRow[row]
                for hi in 0..<h {
                    let qv = Q + (row * h + hi) * dk
                    let kBase = Kp + ((src * h + hi) * n) * dk
                    var m = -Float.infinity
                    for j in 0..<n {
                        var s = VectorKernels.dot(qv, kBase + j * dk, dk)
                        if let bias { s += bias[hi * n + j] }
                        if let mask, mask[src * n + j] == 0 { s += Tensor.maskValue }
                        scores[j] = s
                        m = max(m, s)
                    }
                    let total = scores.withUnsafeMutableBufferPointer { sp in
                        VectorKernels.expShifted(sp.baseAddress!, sp.baseAddress!, n, shift: m)
                    }
                    let inv = 1 / total
                    let dst = O + (row * h + hi) * dk
                    let vBase = Vp + ((src * h + hi) * n) * dk
                    for j in 0..<n { VectorKernels.axpy(scores[j] * inv, vBase + j * dk, dst, dk) }
                }
            }
        } } } }
        return out
    }
}

extension T5Model: Seq2SeqScorer {
    public var decoderStartID: Int { config.decoderStartTokenID }
    public var eosID: Int { config.eosTokenID }
    public var padID: Int { config.padTokenID }

    public func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder {
        T5IncrementalDecoder(model: self, inputs: inputs)
    }
}
