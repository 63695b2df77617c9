// Unconstrained greedy decoding, as HF `generate` with num_beams=1: from the decoder start token, the
// argmax token at every step (ties to the lower token id), until `</s>` or `maxTokens`; a row that has
// finished is fed padding. No gradients: the cached incremental decoder in whatever mode the model is in.
//
// Legend: N inputs, S input tokens, T generated tokens (≤ maxTokens), V vocabulary.
extension T5Model {
    /// [N][T] the greedy tokens of each input [N][S], `</s>` included when it was reached.
    public func greedyDecode(inputs: [[Int]], maxTokens: Int) -> [[Int]] {
        let n = inputs.count
        guard n > 0, maxTokens > 0 else { return [[Int]](repeating: [], count: n) }
        var tokens = [[Int]](repeating: [], count: n)
        var finished = [Bool](repeating: false, count: n)
        let decoder = beginDecoding(inputs: inputs)
        var feed = [Int](repeating: config.decoderStartTokenID, count: n)
        for _ in 0..<maxTokens {
            let lp = decoder.step(parents: Array(0..<n), tokens: feed)   // [N, V]
            let v = decoder.vocabularySize
            for r in 0..<n {
                if finished[r] { feed[r] = config.padTokenID; continue }
                var best = 0
                for i in 1..<v where lp[r * v + i] > lp[r * v + best] { best = i }
                tokens[r].append(best)
                feed[r] = best
                if best == config.eosTokenID { finished[r] = true }
            }
            if finished.allSatisfy({ $0 }) { break }
        }
        return tokens
    }
}
