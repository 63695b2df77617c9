// What decoders (trie-beam, diverse-beam, greedy) need from a sequence-to-sequence model: next-token
// log-probabilities for a batch of partial sequences, one token at a time, with the model's caches kept
// inside. The T5 implements it with KV caches; tests implement it with small tables.
//
// Legend: B inputs, R rows of the current step (beams × inputs), V vocabulary.

import Foundation

public protocol IncrementalDecoder: AnyObject {
    var vocabularySize: Int { get }
    /// Appends `tokens[r]` to the partial sequence of row `parents[r]` of the previous step (for the first
    /// step: input index in 0..<B, with the decoder start token) and returns log-softmax over the whole
    /// vocabulary for every new row, row-major [R, V].
    func step(parents: [Int], tokens: [Int]) -> [Float]
    /// The same step, but log-probabilities renormalized over `allowed[r]` only: [r][j] is the log-probability
    /// of token allowed[r][j] among row r's allowed tokens (a constrained decoder's renormalized scoring).
    /// A model may then skip the rest of the vocabulary; by default the full step is renormalized.
    func stepAllowed(parents: [Int], tokens: [Int], allowed: [[Int]]) -> [[Float]]
    /// The same step as `step`, left unnormalized: log-softmax of row r is logits[r·V + j] − normalizers[r].
    /// A decoder that reads a few tokens per row saves the pass that writes the whole normalized [R, V].
    func stepLogits(parents: [Int], tokens: [Int]) -> (logits: [Float], normalizers: [Float])
}

extension IncrementalDecoder {
    public func stepLogits(parents: [Int], tokens: [Int]) -> (logits: [Float], normalizers: [Float]) {
        (step(parents: parents, tokens: tokens), [Float](repeating: 0, count: parents.count))
    }

    public func stepAllowed(parents: [Int], tokens: [Int], allowed: [[Int]]) -> [[Float]] {
        let lp = step(parents: parents, tokens: tokens), v = vocabularySize
        return allowed.enumerated().map { r, toks in
            let xs = toks.map { lp[r * v + $0] }
            let m = xs.max() ?? 0
            let l = m + Foundation.log(xs.reduce(Float(0)) { $0 + Foundation.exp($1 - m) })
            return xs.map { $0 - l }
        }
    }
}

public protocol Seq2SeqScorer: AnyObject {
    var decoderStartID: Int { get }
    var eosID: Int { get }
    var padID: Int { get }
    /// Encodes B inputs once (no gradients) and returns a decoder positioned before the first token.
    func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder
    /// True when several threads may call `beginDecoding` and step their decoders at the same time (decoders
    /// then split a batch into shards, one per core). Default false.
    var supportsConcurrentDecoding: Bool { get }
}

extension Seq2SeqScorer {
    public var supportsConcurrentDecoding: Bool { false }
}
