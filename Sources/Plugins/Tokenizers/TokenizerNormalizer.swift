// The `normalizer` of a tokenizer.json, as the steps HF tokenizers runs in order on each stretch of text between
// added tokens. Supported: what T5 and HF's sentencepiece converters write (`Precompiled`, `Replace`, `Strip`,
// `Prepend`, `Sequence`); anything else is refused naming the field.
import Foundation
import IDGenKernel

struct TokenizerNormalizer {
    enum Step {
        case precompiled(PrecompiledCharsmap)
        case replace(ReplacePattern, content: [UInt8])
        case strip(left: Bool, right: Bool)
        case prepend([UInt8])
    }

    static let supported = ["Precompiled", "Replace", "Strip", "Prepend", "Sequence"]

    let steps: [Step]

    init(steps: [Step]) { self.steps = steps }

    /// Reads `normalizer` (null means none).
    init(json: JSONValue?, reader: TokenizerFileReader, field: String = "normalizer") throws {
        steps = try reader.steps(json, field, sequenceKey: "normalizers") { try Self.step($0, type: $1, field: $2, reader: reader) }
    }

    /// The step(s) of one non-Sequence component (`reader.steps` flattens Sequences).
    private static func step(_ obj: JSONValue, type: String, field: String, reader: TokenizerFileReader) throws -> [Step] {
        var steps: [Step] = []
        switch type {
        case "Precompiled":
            // An empty charsmap is what sentencepiece's `identity` rule leaves: no rewriting.
            let b64 = try reader.optionalString(obj["precompiled_charsmap"], field + ".precompiled_charsmap") ?? ""
            if b64.isEmpty { return [] }
            guard let data = Data(base64Encoded: b64) else {
                throw reader.invalid(field + ".precompiled_charsmap", "not valid base64")
            }
            steps.append(.precompiled(try PrecompiledCharsmap(blob: [UInt8](data), reader: reader, field: field + ".precompiled_charsmap")))
        case "Replace":
            let pattern = try readPattern(obj["pattern"], reader: reader, field: field + ".pattern")
            steps.append(.replace(pattern, content: Array(try reader.string(obj["content"], field + ".content").utf8)))
        case "Strip":
            steps.append(.strip(left: try reader.bool(obj["strip_left"], field + ".strip_left", default: true),
                                right: try reader.bool(obj["strip_right"], field + ".strip_right", default: true)))
        case "Prepend":
            steps.append(.prepend(Array(try reader.string(obj["prepend"], field + ".prepend").utf8)))
        default:
            throw reader.unsupported(field + ".type", type, supported)
        }
        return steps
    }

    /// `{"String": s}` or `{"Regex": r}`, the pattern form of HF's Replace normalizer and decoder.
    static func readPattern(_ json: JSONValue?, reader: TokenizerFileReader, field: String) throws -> ReplacePattern {
        let obj = try reader.object(json, field)
        if let s = obj["String"] { return .literal(try reader.string(s, field + ".String")) }
        if let r = obj["Regex"] { return try .regex(try reader.string(r, field + ".Regex"), reader: reader, field: field + ".Regex") }
        throw reader.unsupported(field, obj.serialized(), ["{\"String\": …}", "{\"Regex\": …}"])
    }

    var isEmpty: Bool { steps.isEmpty }

    /// The normalized bytes; with `origins` (original offset of each input byte) also those of each output byte,
    /// which HF's Metaspace `first` scheme depends on (a stretch whose leading spaces were stripped no longer
    /// starts at original offset 0, so it gets no prefix).
    func normalize(_ text: [UInt8], origins: [Int32]? = nil) -> ([UInt8], [Int32]?) {
        var s = text
        var o = origins
        for step in steps {
            switch step {
            case let .precompiled(map): (s, o) = map.normalize(s, origins: o)
            case let .replace(pattern, content): (s, o) = pattern.replacingAll(in: s, with: content, origins: o)
            case let .strip(left, right):
                let (lo, hi) = Self.stripBounds(s, left: left, right: right)
                s = Array(s[lo..<hi])
                if let old = o { o = Array(old[lo..<hi]) }
            case let .prepend(p):
                if !s.isEmpty {
                    s = p + s
                    if let old = o { o = [Int32](repeating: old[0], count: p.count) + old }
                }
            }
        }
        return (s, o)
    }

    private static func stripBounds(_ s: [UInt8], left: Bool, right: Bool) -> (Int, Int) {
        s.withUnsafeBufferPointer { b in
            var lo = 0, hi = b.count
            if left {
                while lo < hi { let (c, n) = UTF8Scalars.decode(b, at: lo); if UTF8Scalars.isWhitespace(c) { lo += n } else { break } }
            }
            if right {
                while hi > lo {
                    var start = hi - 1
                    while start > lo, b[start] & 0xC0 == 0x80 { start -= 1 }
                    if UTF8Scalars.isWhitespace(UTF8Scalars.decode(b, at: start).0) { hi = start } else { break }
                }
            }
            return (lo, hi)
        }
    }
}
