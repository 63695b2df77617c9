// The `tokenizer` component for T5: a Unigram tokenizer read from HF `tokenizer.json` (see UnigramTokenizer+File)
// that gives the same ids as HF tokenizers. The pipeline, in HF's order:
//   1. added tokens with `normalized: false` are cut out of the raw text (leftmost, longest match);
//   2. each stretch between them is normalized (TokenizerNormalizer), then cut at `normalized: true` added tokens;
//   3. the pre-tokenizer splits it into words (TokenizerPreTokenizer: WhitespaceSplit, Metaspace `▁`);
//   4. the Unigram model segments each word by Viterbi (UnigramModel);
//   5. the post-processor template appends `</s>` when `addEOS`.
// Not thread-safe: one instance keeps its Viterbi scratch space (use one per thread).
import IDGenKernel

public final class UnigramTokenizer: TextTokenizer {
    public private(set) var model: UnigramModel
    public private(set) var addedTokens: [AddedToken]
    public let eosID: Int
    public let padID: Int
    /// The model's unk id; a vocabulary without one (every character covered) reports </s>, which encode never emits as unk.
    public var unkID: Int { model.unkID ?? eosID }

    let normalizer: TokenizerNormalizer
    let preTokenizer: TokenizerPreTokenizer
    let decoder: TokenizerDecoder
    let template: PostProcessorTemplate?
    /// The file as read (or as the trainer built it); `save` writes it back with the current model and added tokens.
    var document: JSONValue

    private var addedByContent: [String: Int] = [:]
    private var addedByID: [Int: AddedToken] = [:]
    private var rawTrie = PieceTrie()         // normalized == false added tokens
    private var normalizedTrie = PieceTrie()  // normalized == true added tokens
    private var hasRaw = false, hasNormalized = false
    private let tracksTextStart: Bool         // a Metaspace with the `first` scheme needs original offsets
    private let lattice = UnigramModel.Lattice()

    init(model: UnigramModel, normalizer: TokenizerNormalizer, preTokenizer: TokenizerPreTokenizer,
         decoder: TokenizerDecoder, template: PostProcessorTemplate?, addedTokens: [AddedToken],
         document: JSONValue, reader: TokenizerFileReader) throws {
        self.model = model
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.decoder = decoder
        self.template = template
        self.addedTokens = addedTokens
        self.document = document
        tracksTextStart = preTokenizer.steps.contains {
            if case let .metaspace(_, prepend, _) = $0 { return prepend == .first }
            return false
        }
        var eos: Int?, pad: Int?
        for t in addedTokens where t.content == "</s>" { eos = t.id }
        for t in addedTokens where t.content == "<pad>" { pad = t.id }
        eos = eos ?? template?.suffix.last ?? model.id(of: "</s>")
        guard let eos else {
            throw TokenizerError.missingField(file: reader.file, field: "model.vocab → \"</s>\" (T5's end-of-sequence token)")
        }
        eosID = eos
        // T5 pads with <pad>; a vocabulary without one pads with </s>.
        padID = pad ?? model.id(of: "<pad>") ?? eos
        rebuildAddedTokenTries()
    }

    private func rebuildAddedTokenTries() {
        addedByContent = [:]; addedByID = [:]
        var raw = PieceTrie(), norm = PieceTrie()
        hasRaw = false; hasNormalized = false
        for t in addedTokens {
            addedByContent[t.content] = t.id
            addedByID[t.id] = t
            if t.normalized { norm.insert(Array(t.content.utf8), id: t.id); hasNormalized = true } else {
                raw.insert(Array(t.content.utf8), id: t.id); hasRaw = true
            }
        }
        raw.freeze(); norm.freeze()
        rawTrie = raw; normalizedTrie = norm
    }

    public var vocabularySize: Int { max(model.count, (addedTokens.map(\.id).max() ?? -1) + 1) }

    public func tokenID(_ token: String) -> Int? { addedByContent[token] ?? model.id(of: token) }

    /// New tokens get HF's next added id: the model's size, or one past the largest added id beyond it.
    @discardableResult public func addAtomicTokens(_ tokens: [String]) -> [Int] {
        var ids: [Int] = []
        var changed = false
        for t in tokens {
            if let id = tokenID(t) { ids.append(id); continue }
            let maxAdded = addedTokens.map(\.id).max() ?? -1
            let id = maxAdded >= model.count ? maxAdded + 1 : model.count
            addedTokens.append(AddedToken(id: id, content: t, special: false, normalized: false))
            addedByContent[t] = id
            addedByID[id] = addedTokens.last!
            ids.append(id)
            changed = true
        }
        if changed { rebuildAddedTokenTries() }
        return ids
    }

    public func encode(_ text: String, addEOS: Bool) -> [Int] {
        var out: [Int] = []
        var t = text
        t.withUTF8 { encode(bytes: $0, into: &out) }
        if addEOS {
            if let template { out = template.prefix + out + template.suffix } else { out.append(eosID) }
        }
        return out
    }

    /// Step 1: cut raw-text added tokens out, encode the stretches between them.
    private func encode(bytes s: UnsafeBufferPointer<UInt8>, into out: inout [Int]) {
        var start = 0
        if hasRaw {
            var pos = 0
            while pos < s.count {
                if let m = rawTrie.longestPrefix(s, from: pos) {
                    encodeStretch(s, start..<pos, into: &out)
                    out.append(m.id)
                    pos += m.length
                    start = pos
                } else { pos += 1 }
            }
        }
        encodeStretch(s, start..<s.count, into: &out)
    }

    /// Steps 2–4 on one stretch of raw text.
    private func encodeStretch(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [Int]) {
        guard !range.isEmpty else { return }
        let track = tracksTextStart && range.lowerBound == 0
        let (text, origins) = normalizer.normalize(Array(s[range]), origins: track ? (0..<Int32(range.count)).map { $0 } : nil)
        guard !text.isEmpty else { return }
        // Stretches of normalized text, or (nil, id) for a `normalized: true` added token found in it.
        var parts: [(TokenizerPreTokenizer.Piece?, Int)] = []
        text.withUnsafeBufferPointer { t in
            func stretch(_ r: Range<Int>) {
                guard !r.isEmpty else { return }
                parts.append((.init(bytes: Array(t[r]), atTextStart: track && origins![r.lowerBound] == 0), -1))
            }
            var start = 0, pos = 0
            if hasNormalized {
                while pos < t.count {
                    if let m = normalizedTrie.longestPrefix(t, from: pos) {
                        stretch(start..<pos)
                        parts.append((nil, m.id))
                        pos += m.length
                        start = pos
                    } else { pos += 1 }
                }
            }
            stretch(start..<t.count)
        }
        for (piece, added) in parts {
            guard let piece else { out.append(added); continue }
            for word in preTokenizer.split([piece]) {
                word.bytes.withUnsafeBufferPointer { model.encode($0, lattice: lattice, into: &out) }
            }
        }
    }

    /// Ids to text through the decoder; unknown ids are dropped, and special added tokens too when `skipSpecial`.
    public func decode(_ ids: [Int], skipSpecial: Bool) -> String {
        var tokens: [String] = []
        tokens.reserveCapacity(ids.count)
        for id in ids {
            if let t = addedByID[id] {
                if !(skipSpecial && t.special) { tokens.append(t.content) }
            } else if id >= 0 && id < model.count {
                let piece = model.pieces[id]
                if skipSpecial, let a = addedByContent[piece], addedByID[a]?.special == true { continue }
                tokens.append(piece)
            }
        }
        return decoder.decode(tokens)
    }
}
