// What decoders (trie-beam, diverse-beam, greedy) need from a sequence-to-sequence model: next-token
// log-probabilities for a batch of partial sequences, one token at a time, with the model's caches kept
// inside. The T5 implements it with KV caches; tests implement it with small tables.
//
// Legend: B inputs, R rows of the current step (beams × inputs), V vocabulary.

public protocol IncrementalDecoder: AnyObject {
    var vocabularySize: Int { get }
    /// Appends `tokens[r]` to the partial sequence of row `parents[r]` of the previous step (for the first
    /// step: input index in 0..<B, with the decoder start token) and returns log-softmax over the whole
    /// vocabulary for every new row, row-major [R, V].
    func step(parents: [Int], tokens: [Int]) -> [Float]
}

public protocol Seq2SeqScorer: AnyObject {
    var decoderStartID: Int { get }
    var eosID: Int { get }
    var padID: Int { get }
    /// Encodes B inputs once (no gradients) and returns a decoder positioned before the first token.
    func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder
}
