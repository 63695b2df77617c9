// The `post_processor` of a tokenizer.json for single sequences: T5's TemplateProcessing `$A </s>`, as token ids
// put before and after the encoded text. Null means none.
import IDGenKernel

struct PostProcessorTemplate {
    let prefix: [Int]
    let suffix: [Int]

    init?(json: JSONValue?, reader: TokenizerFileReader, field: String = "post_processor") throws {
        guard let json, json != .null else { return nil }
        let obj = try reader.object(json, field)
        let type = try reader.type(obj, field)
        guard type == "TemplateProcessing" else { throw reader.unsupported(field + ".type", type, ["TemplateProcessing", "null"]) }
        let specials = try reader.object(obj["special_tokens"], field + ".special_tokens")
        var prefix: [Int] = [], suffix: [Int] = []
        var seenSequence = false
        for (i, item) in try reader.array(obj["single"], field + ".single").enumerated() {
            let f = "\(field).single[\(i)]"
            if item["Sequence"] != nil {
                guard !seenSequence else { throw reader.invalid(f, "a single-sequence template has one $A") }
                seenSequence = true
            } else if let sp = item["SpecialToken"] {
                let name = try reader.string(sp["id"], f + ".SpecialToken.id")
                guard let entry = specials[name] else { throw reader.missingField(f, "special_tokens.\(name)") }
                let ids = try reader.array(entry["ids"], "\(field).special_tokens.\(name).ids")
                    .enumerated().map { try reader.int($1, "\(field).special_tokens.\(name).ids[\($0)]") }
                if seenSequence { suffix += ids } else { prefix += ids }
            } else {
                throw reader.unsupported(f, item.serialized(), ["{\"Sequence\": …}", "{\"SpecialToken\": …}"])
            }
        }
        guard seenSequence else { throw reader.invalid(field + ".single", "the template has no $A sequence") }
        self.prefix = prefix
        self.suffix = suffix
    }
}

extension TokenizerFileReader {
    func missingField(_ at: String, _ name: String) -> TokenizerError { .missingField(file: file, field: "\(at) → \(name)") }
}
