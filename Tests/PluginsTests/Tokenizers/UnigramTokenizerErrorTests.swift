// Malformed or unsupported tokenizer.json files give typed errors that name the file and the field.
import Foundation
import IDGenPlugins
import XCTest

final class UnigramTokenizerErrorTests: XCTestCase {
    /// A tiny valid T5-shaped file; each test breaks one field of it.
    static func tiny() throws -> JSONValue {
        try JSONValue.parse("""
        {"added_tokens":[{"id":0,"content":"<pad>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                         {"id":1,"content":"</s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true}],
         "normalizer":{"type":"Sequence","normalizers":[{"type":"Replace","pattern":{"Regex":" {2,}"},"content":" "}]},
         "pre_tokenizer":{"type":"Sequence","pretokenizers":[{"type":"WhitespaceSplit"},{"type":"Metaspace","replacement":"▁","add_prefix_space":true}]},
         "post_processor":{"type":"TemplateProcessing","single":[{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"</s>","type_id":0}}],
                           "special_tokens":{"</s>":{"id":"</s>","ids":[1],"tokens":["</s>"]}}},
         "decoder":{"type":"Metaspace","replacement":"▁","add_prefix_space":true},
         "model":{"type":"Unigram","unk_id":2,"vocab":[["<pad>",0.0],["</s>",0.0],["<unk>",0.0],["▁",-2.0],["a",-1.0],["b",-1.5],["▁ab",-1.0]]}}
        """)
    }

    /// `json` with the value at `path` (object keys, or array indices as numbers) replaced; nil removes a key.
    static func setting(_ json: JSONValue, _ path: [String], _ value: JSONValue?) -> JSONValue {
        guard let head = path.first else { return value ?? .null }
        switch json {
        case var .object(pairs):
            if let i = pairs.firstIndex(where: { $0.0 == head }) {
                if path.count == 1 && value == nil { pairs.remove(at: i) } else { pairs[i].1 = setting(pairs[i].1, Array(path.dropFirst()), value) }
            } else if let value { pairs.append((head, setting(.object([]), Array(path.dropFirst()), value))) }
            return .object(pairs)
        case var .array(items):
            let i = Int(head)!
            items[i] = setting(items[i], Array(path.dropFirst()), value)
            return .array(items)
        default: return json
        }
    }

    func error(_ json: JSONValue) -> TokenizerError? {
        do { _ = try UnigramTokenizer(json: json, source: "broken.json"); return nil } catch let e as TokenizerError { return e } catch { return nil }
    }

    func assertField(_ path: [String], _ value: JSONValue?, names field: String, line: UInt = #line) throws {
        guard let e = error(Self.setting(try Self.tiny(), path, value)) else { return XCTFail("no error", line: line) }
        XCTAssertTrue(e.description.contains("broken.json"), e.description, line: line)
        XCTAssertTrue(e.description.contains("'\(field)'") || e.description.contains(field), "\(e) should name \(field)", line: line)
    }

    func testTheTinyFileLoadsAndEncodes() throws {
        let tok = try UnigramTokenizer(json: try Self.tiny(), source: "tiny.json")
        XCTAssertEqual(tok.encode("ab  a", addEOS: true), [6, 3, 4, 1])
        XCTAssertEqual(tok.decode([6, 3, 4, 1], skipSpecial: true), "ab a")
        XCTAssertEqual(tok.decode([6, 1], skipSpecial: false), "ab</s>")
    }

    func testMalformedFieldsAreNamed() throws {
        try assertField(["model", "type"], .string("BPE"), names: "model.type")
        try assertField(["model", "vocab"], nil, names: "model.vocab")
        try assertField(["model", "vocab", "4", "1"], .string("high"), names: "model.vocab[4][1]")
        try assertField(["model", "vocab", "4"], .array([.string("a")]), names: "model.vocab[4]")
        try assertField(["model", "unk_id"], .int(99), names: "model.unk_id")
        try assertField(["normalizer", "normalizers", "0", "type"], .string("NFKC"), names: "normalizer.normalizers[0].type")
        try assertField(["normalizer", "normalizers", "0", "pattern"], .object([("Regex", .string("[a-z]+"))]),
                        names: "normalizer.normalizers[0].pattern.Regex")
        try assertField(["normalizer"], .object([("type", .string("Precompiled")), ("precompiled_charsmap", .string("%%%"))]),
                        names: "normalizer.precompiled_charsmap")
        try assertField(["normalizer"], .object([("type", .string("Precompiled")), ("precompiled_charsmap", .string("AAAA"))]),
                        names: "normalizer.precompiled_charsmap")
        try assertField(["pre_tokenizer", "pretokenizers", "0", "type"], .string("ByteLevel"), names: "pre_tokenizer.pretokenizers[0].type")
        try assertField(["pre_tokenizer", "pretokenizers", "1", "prepend_scheme"], .string("sometimes"),
                        names: "pre_tokenizer.pretokenizers[1].prepend_scheme")
        try assertField(["decoder", "type"], .string("WordPiece"), names: "decoder.type")
        try assertField(["post_processor", "type"], .string("BertProcessing"), names: "post_processor.type")
        try assertField(["added_tokens", "1", "lstrip"], .bool(true), names: "added_tokens[1].lstrip")
        try assertField(["added_tokens", "1", "id"], .string("one"), names: "added_tokens[1].id")
    }

    func testUnreadableFileIsTyped() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("{\"model\": [".utf8).write(to: url)
        XCTAssertThrowsError(try UnigramTokenizer(contentsOf: url)) { e in
            guard case .unreadable(let file, _)? = e as? TokenizerError else { return XCTFail("\(e)") }
            XCTAssertEqual(file, url.path)
        }
    }
}
