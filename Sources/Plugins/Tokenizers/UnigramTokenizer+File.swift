// Reading and writing HF `tokenizer.json` for a Unigram model (the file t5-small ships, and the one our trainer
// writes). Every unsupported or malformed field is a `TokenizerError` that names the file and the field.
import Foundation
import IDGenKernel

extension UnigramTokenizer {
    /// Loads a tokenizer.json.
    public convenience init(contentsOf url: URL) throws {
        let json: JSONValue
        do { json = try JSONValue.parse(contentsOf: url) } catch let e as JSONParseError {
            throw TokenizerError.unreadable(file: url.path, reason: e.description)
        } catch {
            throw TokenizerError.unreadable(file: url.path, reason: "\(error)")
        }
        try self.init(json: json, source: url.path)
    }

    /// Builds the tokenizer from a parsed tokenizer.json; `source` names it in errors.
    public convenience init(json: JSONValue, source: String) throws {
        let r = TokenizerFileReader(file: source)
        let root = try r.object(json, "(top level)")
        let modelJSON = try r.object(root["model"], "model")
        let type = try r.optionalString(modelJSON["type"], "model.type") ?? "Unigram"
        guard type == "Unigram" else { throw r.unsupported("model.type", type, ["Unigram"]) }
        let model = try Self.readModel(modelJSON, reader: r)
        let added = try Self.readAddedTokens(root["added_tokens"], reader: r)
        try self.init(model: model,
                      normalizer: try TokenizerNormalizer(json: root["normalizer"], reader: r),
                      preTokenizer: try TokenizerPreTokenizer(json: root["pre_tokenizer"], reader: r),
                      decoder: try TokenizerDecoder(json: root["decoder"], reader: r),
                      template: try PostProcessorTemplate(json: root["post_processor"], reader: r),
                      addedTokens: added, document: json, reader: r)
    }

    static func readModel(_ m: JSONValue, reader r: TokenizerFileReader) throws -> UnigramModel {
        let vocab = try r.array(m["vocab"], "model.vocab")
        guard !vocab.isEmpty else { throw r.invalid("model.vocab", "the vocabulary is empty") }
        var pieces: [String] = [], scores: [Double] = []
        pieces.reserveCapacity(vocab.count); scores.reserveCapacity(vocab.count)
        for (i, entry) in vocab.enumerated() {
            let pair = try r.array(entry, "model.vocab[\(i)]")
            guard pair.count == 2 else { throw r.invalid("model.vocab[\(i)]", "expected [piece, score], found \(pair.count) elements") }
            pieces.append(try r.string(pair[0], "model.vocab[\(i)][0]"))
            scores.append(try r.double(pair[1], "model.vocab[\(i)][1]"))
        }
        var unk: Int?
        if let u = m["unk_id"], u != .null {
            let id = try r.int(u, "model.unk_id")
            guard id >= 0 && id < pieces.count else { throw r.invalid("model.unk_id", "\(id) is outside the vocabulary (0..<\(pieces.count))") }
            unk = id
        }
        let byteFallback = try r.bool(m["byte_fallback"], "model.byte_fallback", default: false)
        return UnigramModel(pieces: pieces, scores: scores, unkID: unk, byteFallback: byteFallback)
    }

    static func readAddedTokens(_ json: JSONValue?, reader r: TokenizerFileReader) throws -> [AddedToken] {
        guard let json, json != .null else { return [] }
        var out: [AddedToken] = []
        for (i, t) in try r.array(json, "added_tokens").enumerated() {
            let f = "added_tokens[\(i)]"
            _ = try r.object(t, f)
            // HF's whitespace-absorbing options change where a token matches; refuse rather than differ.
            for option in ["single_word", "lstrip", "rstrip"] where try r.bool(t[option], "\(f).\(option)", default: false) {
                throw r.unsupported("\(f).\(option)", "true", ["false"])
            }
            out.append(AddedToken(id: try r.int(t["id"], f + ".id"), content: try r.string(t["content"], f + ".content"),
                                  special: try r.bool(t["special"], f + ".special", default: false),
                                  normalized: try r.bool(t["normalized"], f + ".normalized", default: true)))
        }
        return out
    }

    /// The tokenizer.json text: the document as read, with the current model and added tokens.
    public func serialized() -> String {
        var fields = document.objectValue ?? []
        func set(_ key: String, _ value: JSONValue) {
            if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = value } else { fields.append((key, value)) }
        }
        set("added_tokens", .array(addedTokens.map { t in
            .object([("id", .int(t.id)), ("content", .string(t.content)), ("single_word", .bool(false)),
                     ("lstrip", .bool(false)), ("rstrip", .bool(false)), ("normalized", .bool(t.normalized)),
                     ("special", .bool(t.special))])
        }))
        set("model", .object([
            ("type", .string("Unigram")),
            ("unk_id", model.unkID.map { .int($0) } ?? .null),
            ("vocab", .array(zip(model.pieces, model.scores).map { .array([.string($0), .double($1)]) })),
            ("byte_fallback", .bool(model.byteFallback)),
        ]))
        return JSONValue.object(fields).serialized()
    }

    /// Writes the tokenizer.json (added atomic tokens included).
    public func save(to url: URL) throws {
        do { try Data(serialized().utf8).write(to: url) } catch {
            throw TokenizerError.unreadable(file: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
