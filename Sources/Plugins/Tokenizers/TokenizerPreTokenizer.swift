// The `pre_tokenizer` of a tokenizer.json: how a normalized stretch of text is cut into words before the Unigram
// model sees them. T5 writes `Sequence[WhitespaceSplit, Metaspace(always, split)]` (older files: `Metaspace` with
// `add_prefix_space`); HF's sentencepiece converter writes `Metaspace(first, no split)`.
import IDGenKernel

struct TokenizerPreTokenizer {
    enum PrependScheme: String { case always, first, never }
    enum Step {
        case whitespaceSplit
        case metaspace(replacement: [UInt8], prepend: PrependScheme, split: Bool)
    }

    static let supported = ["WhitespaceSplit", "Metaspace", "Sequence"]

    let steps: [Step]

    init(steps: [Step]) { self.steps = steps }

    init(json: JSONValue?, reader: TokenizerFileReader, field: String = "pre_tokenizer") throws {
        steps = try reader.steps(json, field, sequenceKey: "pretokenizers") { try Self.step($0, type: $1, field: $2, reader: reader) }
    }

    /// The step(s) of one non-Sequence component (`reader.steps` flattens Sequences).
    private static func step(_ obj: JSONValue, type: String, field: String, reader: TokenizerFileReader) throws -> [Step] {
        var steps: [Step] = []
        switch type {
        case "WhitespaceSplit":
            steps.append(.whitespaceSplit)
        case "Metaspace":
            let (replacement, prepend) = try readMetaspace(obj, reader: reader, field: field)
            steps.append(.metaspace(replacement: replacement, prepend: prepend,
                                    split: try reader.bool(obj["split"], field + ".split", default: true)))
        default:
            throw reader.unsupported(field + ".type", type, supported)
        }
        return steps
    }

    /// Replacement and prepend scheme of a Metaspace pre-tokenizer or decoder (new `prepend_scheme`, or the older
    /// `add_prefix_space` boolean that HF reads as always/never).
    static func readMetaspace(_ obj: JSONValue, reader: TokenizerFileReader, field: String) throws -> ([UInt8], PrependScheme) {
        let rep = try reader.string(obj["replacement"], field + ".replacement")
        guard rep.unicodeScalars.count == 1 else { throw reader.invalid(field + ".replacement", "must be one character, found '\(rep)'") }
        var scheme: PrependScheme = try reader.bool(obj["add_prefix_space"], field + ".add_prefix_space", default: true) ? .always : .never
        if let s = try reader.optionalString(obj["prepend_scheme"], field + ".prepend_scheme") {
            guard let p = PrependScheme(rawValue: s) else { throw reader.unsupported(field + ".prepend_scheme", s, ["always", "first", "never"]) }
            scheme = p
        }
        return (Array(rep.utf8), scheme)
    }

    /// A stretch of text on its way through the pre-tokenizer; `atTextStart` is HF's "original offset 0", which
    /// decides Metaspace's `first` scheme.
    struct Piece { var bytes: [UInt8]; var atTextStart: Bool }

    func split(_ pieces: [Piece]) -> [Piece] {
        var current = pieces
        for step in steps {
            var next: [Piece] = []
            next.reserveCapacity(current.count * 2)
            for p in current {
                switch step {
                case .whitespaceSplit: Self.splitOnWhitespace(p, into: &next)
                case let .metaspace(rep, prepend, split): Self.metaspace(p, rep, prepend, split, into: &next)
                }
            }
            current = next
        }
        return current
    }

    private static func splitOnWhitespace(_ p: Piece, into out: inout [Piece]) {
        p.bytes.withUnsafeBufferPointer { b in
            var i = 0, start = 0
            while i < b.count {
                let (c, n) = b[i] < 0x80 ? (UInt32(b[i]), 1) : UTF8Scalars.decode(b, at: i)
                if UTF8Scalars.isWhitespace(c) {
                    if i > start { out.append(Piece(bytes: Array(b[start..<i]), atTextStart: p.atTextStart && start == 0)) }
                    start = i + n
                }
                i += n
            }
            if b.count > start { out.append(Piece(bytes: Array(b[start..<b.count]), atTextStart: p.atTextStart && start == 0)) }
        }
    }

    /// Spaces become the replacement; the prefix is added unless the text already starts with it (and never to an
    /// empty piece, as HF's `NormalizedString::prepend` does nothing there); `split` cuts before each replacement.
    private static func metaspace(_ p: Piece, _ rep: [UInt8], _ prepend: PrependScheme, _ split: Bool, into out: inout [Piece]) {
        guard !p.bytes.isEmpty else { return }
        var s: [UInt8] = []
        s.reserveCapacity(p.bytes.count + 8)
        let startsWithRep = p.bytes.starts(with: rep) || p.bytes[0] == 0x20
        if !startsWithRep && (prepend == .always || (prepend == .first && p.atTextStart)) { s += rep }
        for b in p.bytes { if b == 0x20 { s += rep } else { s.append(b) } }
        guard split else { out.append(Piece(bytes: s, atTextStart: p.atTextStart)); return }
        var start = 0, i = 0
        while i + rep.count <= s.count {
            if s[i] == rep[0] && s[i..<(i + rep.count)].elementsEqual(rep) {
                if i > start { out.append(Piece(bytes: Array(s[start..<i]), atTextStart: p.atTextStart && start == 0)) }
                start = i
                i += rep.count
            } else { i += 1 }
        }
        if s.count > start { out.append(Piece(bytes: Array(s[start..<s.count]), atTextStart: p.atTextStart && start == 0)) }
    }
}
