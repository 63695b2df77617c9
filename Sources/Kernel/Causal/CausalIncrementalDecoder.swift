// Cached step-by-step decoding of the causal LM for beam search. Each input's prefix (a user's history as
// item-ID tokens) runs once through the model (prefill) and leaves its rotated keys and values per layer;
// every step then runs one token per row and attends to its input's prefix keys plus the keys its own
// ancestry generated. As in T5IncrementalDecoder, generated keys/values are kept per step as that step's
// projections [R_j, H, K] (appended, never re-gathered), and row r reads position j's from the row it
// descends from at step j (`ancestry`): a beam reorder costs a table of R·t ints, not a gather of the cache.
// Rotary position of step j for a row = its input's prefix length + j, so prefixes of different lengths
// decode side by side. No gradients; nothing of the model is written, so several decoders (shards) may run on
// different threads at once.
//
// Legend: B inputs, R rows this step (beams × inputs), P prefix tokens (P_max the longest), t steps so far,
// D hidden size, F intermediate size, H heads, K head width, HK = H·K, V vocabulary.
import Foundation

public final class CausalIncrementalDecoder: IncrementalDecoder {
    let model: CausalLM
    let prefixLengths: [Int]             // [B]
    let maxPrefix: Int                   // P_max
    let prefixKeysT: [[Float]]           // per layer rotated Kᵀ [B, H, K, P_max]: each (input, head) block contiguous
    let prefixValues: [[Float]]          // per layer V [B, H, P_max, K]
    var stepKeys: [[Float]]              // per layer: every step's rotated keys [R_j, H, K], appended
    var stepValues: [[Float]]            // per layer: every step's values [R_j, H, K], appended
    var stepStart: [Int] = []            // [t+1]: where step j's block starts in stepKeys[l] and stepValues[l]
    var ancestry: [[Int]] = []           // [t+1][R]: the row at step j that row r descends from (j = t: r)
    var rowInput: [Int] = []             // [R] which input each row decodes for
    var position = 0                     // t
    var rope: RotaryTable                // this decoder's own table, grown as steps go on

    public var vocabularySize: Int { model.config.vocabSize }

    init(model: CausalLM, prefixes: [[Int]]) {
        precondition(!prefixes.isEmpty, "beginDecoding needs at least one prefix")
        precondition(prefixes.allSatisfy { !$0.isEmpty },
                     "every prefix needs at least one token (e.g. BOS): prefix lengths \(prefixes.map(\.count))")
        self.model = model
        let c = model.config, b = prefixes.count, p = prefixes.map(\.count).max()!
        let h = c.numAttentionHeads, dk = c.headDim, hk = c.attentionWidth
        prefixLengths = prefixes.map(\.count)
        maxPrefix = p
        rope = RotaryTable(headDim: dk, theta: c.ropeTheta, positions: p + 8)
        // Right padding: a causal model's padded positions come after every real one and change none of them.
        var ids = [Int](repeating: c.padTokenID ?? 0, count: b * p)
        for (r, row) in prefixes.enumerated() { for (j, tok) in row.enumerated() { ids[r * p + j] = tok } }
        var keysT = [[Float]](repeating: [], count: c.numHiddenLayers), values = keysT
        var unused = SplitMix64(seed: 0)
        _ = Tape.withoutGradients {
            model.hidden(embeddings: model.embed(ids, batch: b), training: false, rng: &unused) { layer, k, v in
                // [B, P, HK] rows → per (input, head) blocks: keys transposed so that the scores Q·Kᵀ are a plain
                // product (as T5IncrementalDecoder's cross-attention keys).
                var kt = [Float].uninitialized(b * p * hk), vb = [Float].uninitialized(b * p * hk)
                k.data.withUnsafeBufferPointer { kp in v.data.withUnsafeBufferPointer { vp in
                kt.withUnsafeMutableBufferPointer { ktp in vb.withUnsafeMutableBufferPointer { vbp in
                    let K = kp.baseAddress!, Vr = vp.baseAddress!, Kt = ktp.baseAddress!, Vt = vbp.baseAddress!
                    Parallel.forEach(b * h, minimumWork: p * dk * 2) { job in
                        let bi = job / h, hi = job % h, block = job * p * dk
                        for j in 0..<p {
                            let src = (bi * p + j) * hk + hi * dk
                            for e in 0..<dk { Kt[block + e * p + j] = K[src + e] }
                            (Vt + block + j * dk).update(from: Vr + src, count: dk)
                        }
                    }
                } } } }
                keysT[layer] = kt
                values[layer] = vb
            }
        }
        prefixKeysT = keysT
        prefixValues = values
        stepKeys = Array(repeating: [], count: c.numHiddenLayers)
        stepValues = Array(repeating: [], count: c.numHiddenLayers)
    }

    public func step(parents: [Int], tokens: [Int]) -> [Float] {
        var (out, normalizers) = stepLogits(parents: parents, tokens: tokens)   // made log-softmax in place
        let v = vocabularySize
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
        let hidden = advance(parents: parents, tokens: tokens)                 // [R, D]
        let v = vocabularySize, r = parents.count
        var logits = [Float].uninitialized(r * v)
        CausalIncrementalDecoder.product(hidden, model.lmHead ?? model.embedTokens, into: &logits)
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
    /// output row instead of the whole [R, V] LM head (rows allowing more than V/8 tokens — the first steps of
    /// a wide trie — still go through the full product).
    public func stepAllowed(parents: [Int], tokens: [Int], allowed: [[Int]]) -> [[Float]] {
        precondition(allowed.count == parents.count, "one allowed list per row")
        let hidden = advance(parents: parents, tokens: tokens)                 // [R, D]
        let d = model.config.hiddenSize, v = vocabularySize
        let table = model.lmHead ?? model.embedTokens                           // [V, D]
        let wide = allowed.indices.filter { allowed[$0].count * 8 > v }
        var out = [[Float]](repeating: [], count: parents.count)
        if !wide.isEmpty {
            let rows = wide.flatMap { hidden[($0 * d)..<(($0 + 1) * d)] }
            var logits = [Float].uninitialized(wide.count * v)
            CausalIncrementalDecoder.product(rows, table, into: &logits)
            for (i, r) in wide.enumerated() { out[r] = allowed[r].map { logits[i * v + $0] } }
        }
        hidden.withUnsafeBufferPointer { hp in table.data.withUnsafeBufferPointer { tp in
            for r in allowed.indices where allowed[r].count * 8 <= v {
                let h = hp.baseAddress! + r * d
                out[r] = allowed[r].map { VectorKernels.dot(h, tp.baseAddress! + $0 * d, d) }
            }
        } }
        for r in out.indices where !out[r].isEmpty {
            let m = out[r].max()!
            let l = m + Foundation.log(out[r].reduce(Float(0)) { $0 + Foundation.exp($1 - m) })
            for j in out[r].indices { out[r][j] -= l }
        }
        return out
    }

    /// Runs the layer stack for one new token per row (caches updated); the final-norm hidden state [R, D].
    /// Inference only, on plain buffers reused across layers: each residual add is folded into the product
    /// that makes it (x += ctx · Woᵀ with β = 1), the SwiGLU applied in place.
    private func advance(parents: [Int], tokens: [Int]) -> [Float] {
        precondition(parents.count == tokens.count, "one token per row")
        if position == 0 {
            precondition(parents.allSatisfy { (0..<prefixLengths.count).contains($0) },
                         "first step: parents are input indices in 0..<\(prefixLengths.count), got \(parents)")
        }
        let c = model.config, r = parents.count, d = c.hiddenSize, hk = c.attentionWidth, f = c.intermediateSize
        let eps = Float(c.rmsNormEps)
        rowInput = position == 0 ? parents : parents.map { rowInput[$0] }
        ancestry = ancestry.map { steps in parents.map { steps[$0] } } + [Array(0..<r)]
        stepStart.append(stepKeys.first?.count ?? 0)                           // this step's block in the caches
        rope.extend(to: maxPrefix + position + 1)
        let positions = rowInput.map { prefixLengths[$0] + position }          // [R] rotary positions

        var x = [Float].uninitialized(r * d)                                  // the residual stream [R, D]
        model.embedTokens.data.withUnsafeBufferPointer { e in x.withUnsafeMutableBufferPointer { xp in
            for (i, token) in tokens.enumerated() {
                precondition(token >= 0 && token < c.vocabSize, "token id \(token) outside the vocabulary of \(c.vocabSize)")
                (xp.baseAddress! + i * d).update(from: e.baseAddress! + token * d, count: d)
            }
        } }
        var normed = [Float].uninitialized(r * d), q = [Float].uninitialized(r * hk)
        var k = [Float].uninitialized(r * hk), v = [Float].uninitialized(r * hk)
        var gate = [Float].uninitialized(r * f), up = [Float].uninitialized(r * f), sig = [Float].uninitialized(r * f)
        for (l, layer) in model.layers.enumerated() {
            Self.normalize(x, layer.inputNorm, into: &normed, width: d, epsilon: eps)
            Self.product(normed, layer.q, into: &q)
            Self.product(normed, layer.k, into: &k)
            Self.product(normed, layer.v, into: &v)
            rotate(&q, positions: positions, scale: 1 / Float(c.headDim).squareRoot())
            rotate(&k, positions: positions, scale: 1)
            stepKeys[l].append(contentsOf: k)
            stepValues[l].append(contentsOf: v)
            let ctx = attend(q: q, layer: l)
            Self.product(ctx, layer.o, into: &x, accumulate: true)
            Self.normalize(x, layer.postAttentionNorm, into: &normed, width: d, epsilon: eps)
            Self.product(normed, layer.gate, into: &gate)
            Self.product(normed, layer.up, into: &up)
            gate.withUnsafeMutableBufferPointer { gp in up.withUnsafeBufferPointer { upp in sig.withUnsafeMutableBufferPointer { sp in
                let G = gp.baseAddress!, U = upp.baseAddress!, S = sp.baseAddress!
                Parallel.chunks(r * f) { range in                             // silu(gate) ⊙ up, as Tensor.swiGLU
                    Tensor.sigmoids(G, S, range)
                    for i in range { G[i] = G[i] * S[i] * U[i] }
                }
            } } }
            Self.product(gate, layer.down, into: &x, accumulate: true)
        }
        position += 1
        Self.normalize(x, model.finalNorm, into: &normed, width: d, epsilon: eps)
        return normed
    }

    /// Rotates every row's H heads by the angles of that row's position (and multiplies by `scale`).
    private func rotate(_ x: inout [Float], positions: [Int], scale: Float) {
        let h = model.config.numAttentionHeads, dk = model.config.headDim, half = dk / 2, hk = h * dk
        let table = rope
        x.withUnsafeMutableBufferPointer { xp in table.cos.withUnsafeBufferPointer { cp in table.sin.withUnsafeBufferPointer { sp in
            let X = xp.baseAddress!, C = cp.baseAddress!, S = sp.baseAddress!
            Parallel.forEach(positions.count, minimumWork: hk * 4) { row in
                let t = positions[row]
                RotaryTable.rotate(X + row * hk, heads: h, headDim: dk, cos: C + t * half, sin: S + t * half, scale: scale, inverse: false)
            }
        } } }
    }

    /// c = a · wᵀ (or c += a · wᵀ): a [R, in], w [out, in], c [R, out].
    static func product(_ a: [Float], _ w: Tensor, into c: inout [Float], accumulate: Bool = false) {
        let out = w.shape[0], inner = w.shape[1], rows = a.count / Swift.max(inner, 1)
        a.withUnsafeBufferPointer { ap in w.data.withUnsafeBufferPointer { wp in c.withUnsafeMutableBufferPointer { cp in
            parallelSgemm(false, true, rows, out, inner, ap.baseAddress!, wp.baseAddress!, cp.baseAddress!, accumulate: accumulate)
        } } }
    }

    /// Llama's RMS norm of every row of x into y (the training path's row kernel).
    static func normalize(_ x: [Float], _ weight: Tensor, into y: inout [Float], width d: Int, epsilon: Float) {
        x.withUnsafeBufferPointer { xp in weight.data.withUnsafeBufferPointer { wp in y.withUnsafeMutableBufferPointer { yp in
            let X = xp.baseAddress!, W = wp.baseAddress!, Y = yp.baseAddress!
            Parallel.forEach(xp.count / d, minimumWork: d * 4) { r in _ = Tensor.rmsNormRow(X + r * d, W, Y + r * d, d, epsilon) }
        } } }
    }
}

extension CausalLM {
    /// Prefills a KV cache from each input's prefix (≥ 1 token each; lengths may differ) and returns a decoder
    /// positioned after it: the first `step` appends tokens[r] to prefix parents[r].
    public func beginDecoding(prefixes: [[Int]]) -> IncrementalDecoder {
        CausalIncrementalDecoder(model: self, prefixes: prefixes)
    }
}
