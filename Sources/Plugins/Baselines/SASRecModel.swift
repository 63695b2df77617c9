// SASRec's network (Kang & McAuley, "Self-Attentive Sequential Recommendation", ICDM 2018) on the Kernel:
// item embeddings (scaled by √D, as the reference code) + learned absolute positions, `blocks` causal
// self-attention blocks, a final layer norm, and scores against the same item embedding table (shared, §III-D).
//
// Inputs are left-padded to T ≤ L so the newest item always sits at position L−1 (as the reference code's
// fixed-length windows); model item ids are catalog index + 1, row 0 of the table is padding.
//
// Legend: B batch, T positions (≤ L = max length), D width, N items (the table has N + 1 rows), R scored rows.

public final class SASRecModel {
    public let itemEmbedding: Tensor        // [N + 1, D]
    public let positionEmbedding: Tensor    // [L, D]
    let blocks: [SASRecBlock]
    let finalNormWeight: Tensor             // [D]
    let finalNormBias: Tensor               // [D]
    public let itemCount: Int
    public let maxLength: Int
    public let width: Int
    let dropout: Float

    public init(itemCount: Int, config c: SASRecRecommender.Config, rng: inout SplitMix64) {
        self.itemCount = itemCount
        maxLength = c.maxLength
        width = c.hiddenSize
        dropout = Float(c.dropout)
        let d = c.hiddenSize
        itemEmbedding = Tensor.normal([itemCount + 1, d], std: (2 / Float(itemCount + 1 + d)).squareRoot(), rng: &rng, requiresGrad: true)
        positionEmbedding = Tensor.normal([c.maxLength, d], std: (2 / Float(c.maxLength + d)).squareRoot(), rng: &rng, requiresGrad: true)
        var made: [SASRecBlock] = []
        for _ in 0..<c.numBlocks { made.append(SASRecBlock(width: d, feedForward: d, heads: c.numHeads, rng: &rng)) }
        blocks = made
        finalNormWeight = Tensor.filled([d], 1)
        finalNormWeight.requiresGrad = true
        finalNormBias = Tensor.zeros([d], requiresGrad: true)
    }

    public var parameters: [Tensor] {
        [itemEmbedding, positionEmbedding] + blocks.flatMap(\.parameters) + [finalNormWeight, finalNormBias]
    }

    /// Biases, norms and positions are exempt from weight decay (only item embeddings and matrices decay).
    public var noDecay: [Tensor] { [positionEmbedding, finalNormWeight, finalNormBias] + blocks.flatMap(\.noDecay) }

    /// Windows of catalog indices (oldest first, each at most L long) → left-padded model ids [B·T] and T.
    public func padded(_ windows: [[Int]]) -> (ids: [Int], length: Int) {
        let t = max(1, windows.map(\.count).max() ?? 1)
        var ids = [Int](repeating: 0, count: windows.count * t)
        for (r, w) in windows.enumerated() {
            precondition(w.count <= maxLength, "SASRec window of \(w.count) items exceeds max length \(maxLength)")
            for (p, item) in w.enumerated() { ids[r * t + (t - w.count) + p] = item + 1 }
        }
        return (ids, t)
    }

    /// Hidden states [B, T, D] for left-padded ids [B·T] (0 = padding).
    public func hidden(ids: [Int], batch b: Int, length t: Int, training: Bool, rng: inout SplitMix64) -> Tensor {
        let d = width
        let keyMask = ids.map { $0 == 0 ? Float(0) : 1 }
        let timeline = Tensor(shape: [b, t, 1], data: keyMask)
        let positions = (0..<(b * t)).map { maxLength - t + $0 % t }
        var x = itemEmbedding.gatherRows(ids, shape: [b, t]).scaled(Float(d).squareRoot())
            + positionEmbedding.gatherRows(positions, shape: [b, t])
        x = x.dropout(dropout, training: training, rng: &rng) * timeline
        for block in blocks {
            x = block.forward(x, keyMask: keyMask, timeline: timeline, dropout: dropout, training: training, rng: &rng)
        }
        return x.layerNorm(weight: finalNormWeight, bias: finalNormBias)
    }

    /// Full-softmax cross-entropy over all N items at every non-padding position (the "well-tuned" SASRec of
    /// Cornac/RecBole's CE loss, instead of the paper's one sampled negative). `targets` [B·T]: next item's
    /// catalog index, or -1 where there is none (padding).
    public func loss(ids: [Int], targets: [Int], batch b: Int, length t: Int, rng: inout SplitMix64) -> Tensor {
        let h = hidden(ids: ids, batch: b, length: t, training: true, rng: &rng).reshaped([b * t, width])
        let rows = targets.indices.filter { targets[$0] >= 0 }
        let picked = h.gatherRows(rows)                                      // [R, D]
        let logits = picked.matmul(itemEmbedding, transposeB: true)          // [R, N + 1]
        return logits.crossEntropy(targets: rows.map { targets[$0] + 1 })
    }

    /// Scores of every catalog item after each window [B, N] (row-major), no gradients, no dropout.
    public func scores(windows: [[Int]]) -> [Float] {
        Tape.withoutGradients {
            let (ids, t) = padded(windows)
            let b = windows.count
            var unused = SplitMix64(seed: 0)
            let h = hidden(ids: ids, batch: b, length: t, training: false, rng: &unused)   // [B, T, D]
            let last = h.slice(axis: 1, (t - 1)..<t).reshaped([b, width])             // [B, D]
            let all = last.matmul(itemEmbedding, transposeB: true)                     // [B, N + 1]
            var out = [Float](repeating: 0, count: b * itemCount)
            for r in 0..<b {
                for i in 0..<itemCount { out[r * itemCount + i] = all.data[r * (itemCount + 1) + i + 1] }
            }
            return out
        }
    }
}
