// Trains a Unigram vocabulary from item texts, the way sentencepiece's unigram trainer does (Kudo 2018,
// "Subword Regularization", §3.2): seed with frequent substrings, then alternate EM (expected piece counts by
// forward–backward over each word's lattice, Bayesian M-step with digamma) with pruning of the pieces whose removal
// loses the least likelihood, until the vocabulary fits; required characters are always kept.
//
// Why Unigram and not BPE: T5's own tokenizer is Unigram, so a trained vocabulary runs through the same
// UnigramTokenizer (one Viterbi, one file format, one parity suite) and can stand in for t5-small's; its scores
// also give a principled probability to segmentations, which BPE merges do not.
//
// The text is pre-tokenized as the saved tokenizer.json will be (WhitespaceSplit, then Metaspace `▁` prefix), with no
// normalizer, so HF tokenizers reading the file segments exactly as we trained. Simplifications against
// sentencepiece, on purpose: seeds are substrings of distinct words (not a suffix array over the raw text), pieces do
// not mix digits with other characters (split_by_number) but scripts are not split. Deterministic: no randomness,
// and every tie is broken by the piece's bytes.
import Foundation
import IDGenKernel

public struct UnigramTrainer {
    public let options: UnigramTrainerOptions

    public init(options: UnigramTrainerOptions = UnigramTrainerOptions()) { self.options = options }

    static let meta = ["<pad>", "</s>", "<unk>"]

    /// Word counts of the corpus as the tokenizer will pre-tokenize it.
    struct Words {
        var bytes: [[UInt8]] = []
        var freq: [Double] = []
        var total: Double { freq.reduce(0, +) }
    }

    /// A scored piece during training.
    struct Piece { var bytes: [UInt8]; var score: Double }

    public func train(texts: [String]) throws -> UnigramTokenizer {
        let fixed = Self.meta.count + options.specialTokens.count + (options.byteFallback ? 256 : 0)
        let words = Self.countWords(texts)
        guard !words.bytes.isEmpty else { throw TokenizerError.training(reason: "the corpus has no words") }
        let required = requiredCharacters(words)
        let budget = options.vocabularySize - fixed
        guard budget >= required.count else {
            throw TokenizerError.training(reason: "vocabulary size \(options.vocabularySize) leaves \(budget) pieces after "
                + "\(fixed) meta/special/byte ids, fewer than the \(required.count) characters needed for coverage "
                + "\(options.characterCoverage): raise vocabularySize or lower characterCoverage")
        }
        var pieces = seedPieces(words, required: required)
        let desired = Int((Double(budget) * 1.1).rounded(.down))
        while true {
            for _ in 0..<options.subIterations {
                let expected = eStep(pieces, words)
                pieces = mStep(pieces, expected)
            }
            if pieces.count <= desired { break }
            let pruned = prune(pieces, words, target: max(desired, Int(Double(pieces.count) * options.shrinkingFactor)))
            if pruned.count == pieces.count { break }
            pieces = pruned
        }
        return try tokenizer(finalize(pieces, required: required, budget: budget))
    }

    static func countWords(_ texts: [String]) -> Words {
        let pre = TokenizerPreTokenizer(steps: [.whitespaceSplit, .metaspace(replacement: Array("▁".utf8), prepend: .always, split: true)])
        var counts: [[UInt8]: Double] = [:]
        for t in texts {
            for w in pre.split([.init(bytes: Array(t.utf8), atTextStart: true)]) { counts[w.bytes, default: 0] += 1 }
        }
        var words = Words()
        for (w, f) in counts.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) { words.bytes.append(w); words.freq.append(f) }
        return words
    }

    /// Characters by frequency until `characterCoverage` of all occurrences is covered (sentencepiece's rule).
    func requiredCharacters(_ words: Words) -> [[UInt8]] {
        var counts: [[UInt8]: Double] = [:]
        for (w, f) in zip(words.bytes, words.freq) {
            w.withUnsafeBufferPointer { b in
                var i = 0
                while i < b.count { let n = UTF8Scalars.length(leading: b[i]); counts[Array(b[i..<min(i + n, b.count)]), default: 0] += f; i += n }
            }
        }
        let total = counts.values.reduce(0, +)
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }
        var kept: [[UInt8]] = [], covered = 0.0
        for (c, f) in sorted {
            if !kept.isEmpty && covered / total >= options.characterCoverage { break }
            kept.append(c); covered += f
        }
        return kept
    }

    /// The tokenizer.json for the final pieces: T5's shape without a charsmap (no normalizer).
    func tokenizer(_ pieces: [Piece]) throws -> UnigramTokenizer {
        var vocab: [JSONValue] = Self.meta.map { .array([.string($0), .double(0)]) }
        vocab += options.specialTokens.map { .array([.string($0), .double(0)]) }
        if options.byteFallback { vocab += (0..<256).map { .array([.string(UnigramModel.bytePiece(UInt8($0))), .double(0)]) } }
        vocab += pieces.map { .array([.string(String(decoding: $0.bytes, as: UTF8.self)), .double($0.score)]) }
        let added: [JSONValue] = (Self.meta + options.specialTokens).enumerated().map { i, t in
            .object([("id", .int(i)), ("content", .string(t)), ("single_word", .bool(false)), ("lstrip", .bool(false)),
                     ("rstrip", .bool(false)), ("normalized", .bool(false)), ("special", .bool(true))])
        }
        let metaspace: [(String, JSONValue)] = [("type", .string("Metaspace")), ("replacement", .string("▁")),
                                                ("prepend_scheme", .string("always")), ("split", .bool(true))]
        let seqA: JSONValue = .object([("Sequence", .object([("id", .string("A")), ("type_id", .int(0))]))])
        let seqB: JSONValue = .object([("Sequence", .object([("id", .string("B")), ("type_id", .int(0))]))])
        let eos: JSONValue = .object([("SpecialToken", .object([("id", .string("</s>")), ("type_id", .int(0))]))])
        // With byte fallback, decoding must turn <0xXX> runs back into text: HF's sentencepiece-converter decoder.
        let decoder: JSONValue = !options.byteFallback ? .object(metaspace) : .object([("type", .string("Sequence")), ("decoders", .array([
            .object([("type", .string("Replace")), ("pattern", .object([("String", .string("▁"))])), ("content", .string(" "))]),
            .object([("type", .string("ByteFallback"))]), .object([("type", .string("Fuse"))]),
            .object([("type", .string("Strip")), ("content", .string(" ")), ("start", .int(1)), ("stop", .int(0))])]))])
        let doc: JSONValue = .object([
            ("version", .string("1.0")), ("truncation", .null), ("padding", .null),
            ("added_tokens", .array(added)),
            ("normalizer", .null),
            ("pre_tokenizer", .object([("type", .string("Sequence")), ("pretokenizers", .array([
                .object([("type", .string("WhitespaceSplit"))]), .object(metaspace)]))])),
            ("post_processor", .object([
                ("type", .string("TemplateProcessing")), ("single", .array([seqA, eos])), ("pair", .array([seqA, eos, seqB, eos])),
                ("special_tokens", .object([("</s>", .object([("id", .string("</s>")), ("ids", .array([.int(1)])),
                                                               ("tokens", .array([.string("</s>")]))]))]))])),
            ("decoder", decoder),
            ("model", .object([("type", .string("Unigram")), ("unk_id", .int(2)), ("vocab", .array(vocab)),
                               ("byte_fallback", .bool(options.byteFallback))])),
        ])
        return try UnigramTokenizer(json: doc, source: "<trained vocabulary>")
    }
}
