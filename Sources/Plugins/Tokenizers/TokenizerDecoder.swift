// The `decoder` of a tokenizer.json: token strings back to text, as HF tokenizers' decode chain does it.
// T5 writes `Metaspace`; HF's sentencepiece converter writes `Sequence[Replace(▁→ ), ByteFallback, Fuse, Strip]`.
import Foundation
import IDGenKernel

struct TokenizerDecoder {
    enum Step {
        /// ▁ becomes a space; in the first token every ▁ is dropped when a prefix was added (HF's behaviour).
        case metaspace(replacement: String, dropInFirst: Bool)
        case replace(ReplacePattern, content: [UInt8])
        /// Runs of `<0xXX>` tokens become their UTF-8 text, or one U+FFFD per byte when invalid.
        case byteFallback
        case fuse
        case strip(content: Unicode.Scalar, start: Int, stop: Int)
    }

    static let supported = ["Metaspace", "Replace", "ByteFallback", "Fuse", "Strip", "Sequence"]

    let steps: [Step]

    init(steps: [Step]) { self.steps = steps }

    init(json: JSONValue?, reader: TokenizerFileReader, field: String = "decoder") throws {
        steps = try reader.steps(json, field, sequenceKey: "decoders") { try Self.step($0, type: $1, field: $2, reader: reader) }
    }

    /// The step(s) of one non-Sequence component (`reader.steps` flattens Sequences).
    private static func step(_ obj: JSONValue, type: String, field: String, reader: TokenizerFileReader) throws -> [Step] {
        var steps: [Step] = []
        switch type {
        case "Metaspace":
            let (rep, scheme) = try TokenizerPreTokenizer.readMetaspace(obj, reader: reader, field: field)
            steps.append(.metaspace(replacement: String(decoding: rep, as: UTF8.self), dropInFirst: scheme != .never))
        case "Replace":
            let pattern = try TokenizerNormalizer.readPattern(obj["pattern"], reader: reader, field: field + ".pattern")
            steps.append(.replace(pattern, content: Array(try reader.string(obj["content"], field + ".content").utf8)))
        case "ByteFallback": steps.append(.byteFallback)
        case "Fuse": steps.append(.fuse)
        case "Strip":
            let content = try reader.string(obj["content"], field + ".content")
            guard content.unicodeScalars.count == 1 else { throw reader.invalid(field + ".content", "must be one character, found '\(content)'") }
            steps.append(.strip(content: content.unicodeScalars.first!, start: try reader.int(obj["start"], field + ".start"),
                                stop: try reader.int(obj["stop"], field + ".stop")))
        default:
            throw reader.unsupported(field + ".type", type, supported)
        }
        return steps
    }

    /// Text for the token strings; with no steps HF joins tokens with spaces.
    func decode(_ tokens: [String]) -> String {
        if steps.isEmpty { return tokens.joined(separator: " ") }
        var t = tokens
        for step in steps {
            switch step {
            case let .metaspace(rep, dropInFirst):
                t = t.enumerated().map { i, tok in
                    i == 0 && dropInFirst ? tok.replacingOccurrences(of: rep, with: "") : tok.replacingOccurrences(of: rep, with: " ")
                }
            case let .replace(pattern, content):
                t = t.map { String(decoding: pattern.replacingAll(in: Array($0.utf8), with: content).0, as: UTF8.self) }
            case .byteFallback: t = Self.byteFallback(t)
            case .fuse: t = [t.joined()]
            case let .strip(c, start, stop): t = t.map { Self.strip($0, c, start, stop) }
            }
        }
        return t.joined()
    }

    /// The byte of a `<0xXX>` token.
    static func byteValue(_ token: String) -> UInt8? {
        let u = Array(token.utf8)
        guard u.count == 6, u[0] == 60, u[1] == 48, u[2] == 120, u[5] == 62 else { return nil }
        return UInt8(String(decoding: u[3..<5], as: UTF8.self), radix: 16)
    }

    private static func byteFallback(_ tokens: [String]) -> [String] {
        var out: [String] = []
        var bytes: [UInt8] = []
        func flush() {
            guard !bytes.isEmpty else { return }
            if let s = String(validating: bytes, as: UTF8.self) { out.append(s) } else {
                out += Array(repeating: "\u{FFFD}", count: bytes.count)
            }
            bytes.removeAll()
        }
        for tok in tokens {
            if let b = byteValue(tok) { bytes.append(b) } else { flush(); out.append(tok) }
        }
        flush()
        return out
    }

    /// Drops up to `start` leading and `stop` trailing `c` scalars (HF counts chars, not graphemes).
    private static func strip(_ s: String, _ c: Unicode.Scalar, _ start: Int, _ stop: Int) -> String {
        let u = Array(s.unicodeScalars)
        var lo = 0
        while lo < min(start, u.count), u[lo] == c { lo += 1 }
        var hi = u.count
        while u.count - hi < stop, hi > lo, u[hi - 1] == c { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: u[lo..<hi])
        return String(out)
    }
}
