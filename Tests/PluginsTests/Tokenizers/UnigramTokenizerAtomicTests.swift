// Atomic tokens registered by ID strategies (`<c_3>`, `<item_1042>`): HF's added-token semantics (matched in the
// raw text before segmentation, leftmost-longest, never split), ids after the vocabulary, kept by save/reload.
import Foundation
import IDGenPlugins
import XCTest

final class UnigramTokenizerAtomicTests: XCTestCase {
    struct AtomicFixture { let tokens: [String]; let strings: [String]; let ids: [[Int]] }

    static func fixture() throws -> AtomicFixture {
        let j = try JSONValue.parse(contentsOf: TokenizerFixtures.url("atomic.expected.json"))
        return AtomicFixture(tokens: j["tokens"]!.arrayValue!.map { $0.stringValue! },
                             strings: j["strings"]!.arrayValue!.map { $0.stringValue! },
                             ids: j["expected"]!.arrayValue!.map { $0["ids"]!.arrayValue!.map { $0.intValue! } })
    }

    func testAddedAtomicTokensMatchHFAddedTokens() throws {
        let f = try Self.fixture()
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("t5.tokenizer.json"))
        let ids = tok.addAtomicTokens(f.tokens)
        XCTAssertEqual(ids, Array(8100..<8105), "HF numbers new added tokens from the vocabulary's end")
        XCTAssertEqual(tok.vocabularySize, 8105)
        XCTAssertEqual(f.ids[0], [ids[0], tok.eosID], "HF encodes \"<c_3>\" as the added token")
        for (s, expected) in zip(f.strings, f.ids) {
            XCTAssertEqual(tok.encode(s, addEOS: true), expected, "string \(s.debugDescription)")
        }
    }

    func testAtomicTokensAreNeverSplitAndKeepExistingIds() throws {
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("t5.tokenizer.json"))
        let existing = tok.tokenID("▁oz")!
        XCTAssertEqual(tok.addAtomicTokens(["</s>", "▁oz", "<item_7>"]), [1, existing, 8100])
        XCTAssertEqual(tok.addAtomicTokens(["<item_7>"]), [8100], "adding twice keeps the id")
        for text in ["<item_7>", "a<item_7>b", "price 0.5fl oz <item_7><item_7>", "東京<item_7>😀"] {
            let ids = tok.encode(text, addEOS: false)
            XCTAssertEqual(ids.filter { $0 == 8100 }.count, text.components(separatedBy: "<item_7>").count - 1, text)
        }
        XCTAssertEqual(tok.decode(tok.encode("see <item_7> now", addEOS: true), skipSpecial: true), "see<item_7> now",
                       "added tokens decode as their text; the Metaspace decoder glues what follows a non-▁ token")
    }

    func testSavedTokenizerKeepsAtomicTokensAndEncodesTheSame() throws {
        let f = try Self.fixture()
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("t5.tokenizer.json"))
        tok.addAtomicTokens(f.tokens)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(getpid()).tokenizer.json")
        defer { try? FileManager.default.removeItem(at: url) }
        try tok.save(to: url)
        let reloaded = try UnigramTokenizer(contentsOf: url)
        XCTAssertEqual(reloaded.vocabularySize, tok.vocabularySize)
        XCTAssertEqual(f.tokens.map { reloaded.tokenID($0) }, f.tokens.map { tok.tokenID($0) })
        for (s, expected) in zip(f.strings, f.ids) { XCTAssertEqual(reloaded.encode(s, addEOS: true), expected) }
        let strings = try TokenizerFixtures.strings()
        for s in strings.prefix(300) { XCTAssertEqual(reloaded.encode(s, addEOS: true), tok.encode(s, addEOS: true)) }
    }

    func testBatchEncodeIsEncodePerText() throws {
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("t5.tokenizer.json"))
        let texts = Array(try TokenizerFixtures.strings().prefix(50))
        XCTAssertEqual(tok.encodeBatch(texts), texts.map { tok.encode($0, addEOS: true) })
    }
}
