// A `Seq2SeqScorer` test double that ships with the product (as swift-nio ships EmbeddedChannel): next-token
// log-probabilities are a deterministic function of (input tokens, decoded prefix), given either as a closure
// (hand-worked examples) or by a seeded hash (randomized tests, benchmarks of the decoder's own overhead).
// It counts calls, so tests can check that a decoder batches (one `step` per position for all rows).
//
// Legend: B inputs, R rows of a step, V vocabulary, T input tokens, P prefix tokens (decoder start excluded).
import Foundation

public final class TableScorer: Seq2SeqScorer {
    public let vocabularySize: Int
    public let decoderStartID: Int
    public let eosID: Int
    public let padID: Int
    /// Logits (not yet normalized) for the next token, [V], given the input [T] and the prefix [P].
    public let logits: (_ input: [Int], _ prefix: [Int]) -> [Float]

    public private(set) var beginCalls = 0
    public private(set) var stepRowCounts: [Int] = []   // rows passed to each `step`, in call order

    public init(vocabularySize: Int, decoderStartID: Int = 0, eosID: Int = 1, padID: Int = 0,
                logits: @escaping (_ input: [Int], _ prefix: [Int]) -> [Float]) {
        self.vocabularySize = vocabularySize
        self.decoderStartID = decoderStartID
        self.eosID = eosID
        self.padID = padID
        self.logits = logits
    }

    /// Pseudo-random logits uniform in [0, spread) from a hash of (seed, input, prefix, token).
    public convenience init(vocabularySize: Int, seed: UInt64, spread: Float = 4,
                            decoderStartID: Int = 0, eosID: Int = 1, padID: Int = 0) {
        self.init(vocabularySize: vocabularySize, decoderStartID: decoderStartID, eosID: eosID, padID: padID) {
            input, prefix in
            var h = TableScorer.mix(seed)
            for t in input { h = TableScorer.mix(h ^ UInt64(bitPattern: Int64(t))) }
            h = TableScorer.mix(h ^ 0x9E37_79B9_7F4A_7C15)            // separates input from prefix
            for t in prefix { h = TableScorer.mix(h ^ UInt64(bitPattern: Int64(t))) }
            return (0 ..< vocabularySize).map { v in
                Float(TableScorer.mix(h &+ UInt64(v)) >> 11) / Float(1 << 53) * spread
            }
        }
    }

    /// Log-softmax of `logits(input, prefix)` over the whole vocabulary, [V] — what `step` returns per row.
    public func logProbs(input: [Int], prefix: [Int]) -> [Float] {
        TableScorer.logSoftmax(logits(input, prefix))
    }

    /// Teacher-forced log-probability of `sequence` after `input`, summed left to right in Float (the same
    /// order the decoders accumulate in, so brute force and beam search agree bit for bit).
    public func sequenceLogProb(input: [Int], sequence: [Int]) -> Float {
        var total: Float = 0
        for (p, t) in sequence.enumerated() {
            total += logProbs(input: input, prefix: Array(sequence[..<p]))[t]
        }
        return total
    }

    public func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder {
        beginCalls += 1
        return TableDecoder(scorer: self, inputs: inputs)
    }

    func record(rows: Int) { stepRowCounts.append(rows) }

    static func logSoftmax(_ x: [Float]) -> [Float] {
        let m = Double(x.max() ?? 0)
        let lse = m + log(x.reduce(0.0) { $0 + exp(Double($1) - m) })
        return x.map { Float(Double($0) - lse) }
    }

    /// SplitMix64's finalizer: a cheap, well-mixed 64-bit hash step.
    static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
