// IDGenRec's soft ID (Tan et al. 2024, §3.3): the ID generator's output is discrete, so it learns from the
// recommender through a differentiable stand-in for each generated ID — per position, the generator's
// distribution times the recommender's token-embedding table — spliced into the prompt embeddings where the
// hard ID would stand. The recommender (frozen here) encodes the spliced prompt and is scored by
// cross-entropy on the hard target ID; the gradient reaches only the generator's distributions.
//
// Decoding is greedy, teacher-free and batched over every distinct generator input of a batch: the argmax
// is chosen without gradients on the cached decoder, then ONE teacher-forced pass of the generator over
// [start, argmax tokens…] recomputes every position's distribution with gradients. Because the decoder is
// causal and the fed-back tokens are discrete (no gradient through the choice, as in the reference), this
// equals decoding step by step with autograd — at one decoder pass instead of T.
//
// Masking after `</s>`: the positions from `</s>` on are REMOVED from the spliced sequence, not kept with
// attention mask 0. T5's relative position buckets would see a masked gap as distance, so a zero-weighted
// slot would not reproduce the hard prompt's geometry; removal does, and with one-hot distributions the
// soft prompt is exactly the hard prompt. `</s>` itself is dropped too: a hard ID inside a prompt carries
// none. The reference splices every position (no masking) — `maskAfterEOS = false` reproduces that.
//
// Legend: B prompts, N generator inputs decoded, T decoded positions, S input tokens (generator: item text;
// recommender: spliced prompt), D d_model, V vocabulary.
import Foundation

public struct SoftIDPrompt {
    public let generator: T5Model
    public let recommender: T5Model
    /// Longest generated ID, `</s>` included (greedy steps).
    public var maxIDTokens: Int
    public var weighting: SoftWeights
    public var maskAfterEOS: Bool

    public init(generator: T5Model, recommender: T5Model, maxIDTokens: Int = 10,
                weighting: SoftWeights = .probs, maskAfterEOS: Bool = true) throws {
        guard generator.config.vocabSize == recommender.config.vocabSize else {
            throw AlternateTrainingError.vocabularyMismatch(generator: generator.config.vocabSize,
                                                            recommender: recommender.config.vocabSize)
        }
        precondition(maxIDTokens >= 1, "max_id_tokens must be ≥ 1")
        self.generator = generator
        self.recommender = recommender
        self.maxIDTokens = maxIDTokens
        self.weighting = weighting
        self.maskAfterEOS = maskAfterEOS
    }

    // MARK: generator side

    /// Greedy IDs with differentiable weights for generator inputs `inputs` (indices into `texts`).
    public func generate(inputs: [Int], texts: [[Int]]) throws -> SoftIDs {
        for k in inputs where k < 0 || k >= texts.count {
            throw AlternateTrainingError.unknownGeneratorInput(index: k, count: texts.count)
        }
        let c = generator.config, n = inputs.count
        guard n > 0 else { return SoftIDs(inputs: [], tokens: [], lengths: [], weights: Tensor.zeros([0, 1, c.vocabSize])) }
        let sources = inputs.map { texts[$0] }
        // 1. The argmax path, no gradients (cached decoder in eval mode, as ID regeneration runs it; ties go
        //    to the lower token id). Dropout, when the generator is training, acts in pass 2 only.
        let tokens = generator.greedyDecode(inputs: sources, maxTokens: maxIDTokens)
        let t = tokens.map(\.count).max() ?? 0
        // 2. One teacher-forced pass over [start, tokens…] with gradients: [N, T, V].
        let s = max(1, sources.map(\.count).max() ?? 1)
        var ids = [Int](repeating: c.padTokenID, count: n * s), mask = [Float](repeating: 0, count: n * s)
        var dec = [Int](repeating: c.padTokenID, count: n * t)
        for r in 0..<n {
            for (j, tok) in sources[r].enumerated() { ids[r * s + j] = tok; mask[r * s + j] = 1 }
            dec[r * t] = c.decoderStartTokenID
            for j in 1..<max(t, 1) where j - 1 < tokens[r].count { dec[r * t + j] = tokens[r][j - 1] }
        }
        let encoded = generator.encode(inputIDs: ids, batch: n, attentionMask: mask)            // [N, S, D]
        let logits = generator.logits(generator.decode(dec, batch: n, encoded: encoded, attentionMask: mask))  // [N, T, V]
        let weights = weighting == .probs ? logits.softmax() : logits.logSoftmax()
        let lengths = tokens.map { row -> Int in
            guard maskAfterEOS else { return t }
            return row.firstIndex(of: c.eosTokenID) ?? row.count
        }
        return SoftIDs(inputs: inputs, tokens: tokens, lengths: lengths, weights: weights)
    }

    // MARK: recommender side

    /// The spliced prompt embeddings [B, S, D] and their attention mask [B, S] (padding on the right, as the
    /// hard batches of `T5Batch.make`, filled with the pad token's embedding).
    public func encoderInputs(_ samples: [SoftSample], ids: SoftIDs) throws -> (embeddings: Tensor, attentionMask: [Float]) {
        let c = recommender.config, d = c.dModel, t = ids.positions
        // [K, D]: the weights of the K spliced positions (those before </s>) times the shared table —
        // masked positions are never multiplied. Gradient flows into the weights only while the
        // recommender is frozen.
        var kept: [Int] = [], firstRow = [Int](repeating: 0, count: ids.inputs.count)
        for r in 0..<ids.inputs.count {
            firstRow[r] = kept.count
            for j in 0..<ids.lengths[r] { kept.append(r * t + j) }
        }
        let soft = kept.isEmpty ? nil
            : ids.weights.reshaped([-1, c.vocabSize]).gatherRows(kept).softEmbedding(table: recommender.shared)
        var rows: [[Tensor]] = [], lengths: [Int] = []
        for sample in samples {
            var parts: [Tensor] = [], length = 0
            for segment in sample.segments {
                switch segment {
                case let .tokens(tok):
                    guard !tok.isEmpty else { continue }
                    parts.append(recommender.embed(tok, batch: 1))                    // [1, n, D]
                    length += tok.count
                case let .id(k):
                    guard let r = ids.row(of: k) else {
                        throw AlternateTrainingError.unknownGeneratorInput(index: k, count: ids.inputs.count)
                    }
                    let len = ids.lengths[r]
                    guard len > 0 else { continue }
                    parts.append(soft!.slice(axis: 0, firstRow[r]..<(firstRow[r] + len)).reshaped([1, len, d]))
                    length += len
                }
            }
            rows.append(parts)
            lengths.append(length)
        }
        let s = max(1, lengths.max() ?? 1)
        var mask = [Float](repeating: 0, count: samples.count * s)
        var batch: [Tensor] = []
        for (b, var parts) in rows.enumerated() {
            for j in 0..<lengths[b] { mask[b * s + j] = 1 }
            if lengths[b] < s {
                parts.append(recommender.embed([Int](repeating: c.padTokenID, count: s - lengths[b]), batch: 1))
            }
            batch.append(parts.count == 1 ? parts[0] : Tensor.concat(parts, axis: 1))
        }
        return (batch.count == 1 ? batch[0] : Tensor.concat(batch, axis: 0), mask)
    }

    /// Mean token cross-entropy of the recommender decoding each sample's hard target from its soft prompt
    /// (padding ignored).
    public func loss(_ samples: [SoftSample], ids: SoftIDs) throws -> Tensor {
        let c = recommender.config
        let (embeddings, mask) = try encoderInputs(samples, ids: ids)
        let b = samples.count, s = embeddings.shape[1]
        let targets = T5Batch.make(sources: [[Int]](repeating: [], count: b), targets: samples.map(\.target),
                                   padID: c.padTokenID, startID: c.decoderStartTokenID)
        let encoded = recommender.encode(embeddings: embeddings, attentionMask: mask)     // [B, S, D]
        precondition(encoded.shape[1] == s)
        let logits = recommender.logits(recommender.decode(targets.decoderInputIDs, batch: b, encoded: encoded,
                                                           attentionMask: mask))          // [B, T, V]
        return logits.reshaped([-1, c.vocabSize]).crossEntropy(targets: targets.labels)
    }

    /// Both halves: decode every generator input the batch needs, then the recommender loss.
    public func loss(_ samples: [SoftSample], texts: [[Int]]) throws -> (loss: Tensor, ids: SoftIDs) {
        var seen = Set<Int>(), inputs: [Int] = []
        for sample in samples { for k in sample.generatorInputs where seen.insert(k).inserted { inputs.append(k) } }
        let ids = try generate(inputs: inputs, texts: texts)
        return (try loss(samples, ids: ids), ids)
    }
}
