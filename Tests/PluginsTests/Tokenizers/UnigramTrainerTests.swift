// The Unigram trainer: the committed Swift-trained fixture is what the trainer produces today (deterministic), HF
// tokenizers reads it and gives our ids (swift.expected.json from tools/make_tokenizer_fixtures.py), options hold.
import Foundation
import IDGenPlugins
import XCTest

final class UnigramTrainerTests: XCTestCase {
    /// The options the committed swift.tokenizer.json was trained with (`idgenrec-bench tokenizer train …`).
    static let fixtureOptions = UnigramTrainerOptions(vocabularySize: 2000, characterCoverage: 0.9995, byteFallback: true,
                                                      specialTokens: ["<extra_id_0>", "<extra_id_1>"])

    static func corpus() throws -> [String] {
        try String(contentsOf: TokenizerFixtures.url("corpus.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testTrainingReproducesTheCommittedFixtureByteForByte() throws {
        let trained = try UnigramTrainer(options: Self.fixtureOptions).train(texts: try Self.corpus())
        let committed = try String(contentsOf: TokenizerFixtures.url("swift.tokenizer.json"), encoding: .utf8)
        XCTAssertEqual(trained.serialized(), committed.trimmingCharacters(in: .newlines))
    }

    func testHFReadsTheSwiftTrainedVocabularyAndGivesOurIds() throws {
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("swift.tokenizer.json"))
        try TokenizerFixtures.assertParity(tok, expectedFile: "swift.expected.json", addEOS: true)
    }
}

extension UnigramTrainerTests {
    func testTrainingTwiceGivesTheSameVocabulary() throws {
        let corpus = Array(try Self.corpus().prefix(400))
        let options = UnigramTrainerOptions(vocabularySize: 700, characterCoverage: 1.0, byteFallback: false)
        let a = try UnigramTrainer(options: options).train(texts: corpus)
        let b = try UnigramTrainer(options: options).train(texts: corpus)
        XCTAssertEqual(a.serialized(), b.serialized())
    }

    func testOptionsShapeTheVocabulary() throws {
        let corpus = try Self.corpus()
        let tok = try UnigramTrainer(options: Self.fixtureOptions).train(texts: corpus)
        XCTAssertEqual(tok.vocabularySize, 2000)
        XCTAssertEqual([tok.padID, tok.eosID, tok.unkID], [0, 1, 2])
        XCTAssertEqual(tok.tokenID("<extra_id_0>"), 3)
        XCTAssertEqual(tok.tokenID("<0x00>"), 5)
        XCTAssertEqual(tok.tokenID("<0xFF>"), 260)
        // Special tokens are whole tokens; a character never seen falls back to its UTF-8 bytes, not <unk>.
        XCTAssertEqual(tok.encode("<extra_id_1>", addEOS: false), [4])
        let bytes = tok.encode("ᚠ", addEOS: false).dropFirst()  // after the ▁ piece
        XCTAssertEqual(Array(bytes), [0xE1, 0x9A, 0xA0].map { 5 + $0 })
        XCTAssertEqual(tok.decode(tok.encode("Neutrogena ᚠ 0.5 fl oz", addEOS: true), skipSpecial: true), "Neutrogena ᚠ 0.5 fl oz")
        // Frequent corpus words become single pieces.
        XCTAssertNotNil(tok.tokenID("▁categories:"))
        // Without byte fallback the rare character is <unk>.
        let noBytes = try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 1000, byteFallback: false)).train(texts: corpus)
        XCTAssertNil(noBytes.tokenID("<0x41>"))
        XCTAssertTrue(noBytes.encode("ᚠ", addEOS: false).contains(noBytes.unkID))
    }

    func testLowCharacterCoverageLeavesRareCharactersToBytes() throws {
        let corpus = try Self.corpus()
        let tok = try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 1000, characterCoverage: 0.98)).train(texts: corpus)
        XCTAssertNil(tok.tokenID("東"), "a rare CJK character is outside 98% coverage")
        XCTAssertNotNil(tok.tokenID("e"))
    }

    func testTooSmallVocabularyIsAnErrorThatSaysWhy() throws {
        XCTAssertThrowsError(try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 300)).train(texts: try Self.corpus())) { e in
            XCTAssertTrue("\(e)".contains("raise vocabularySize"), "\(e)")
        }
        XCTAssertThrowsError(try UnigramTrainer().train(texts: ["", "   "]))
    }
}

extension UnigramTrainerTests {
    /// A vocabulary trained from real catalog text (../shared/data) encodes and decodes it back.
    func testTrainsOnTheBeautyCatalogAndRoundTrips() throws {
        let path = TokenizerFixtures.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data/beauty/item_plain_text.txt")
        guard FileManager.default.fileExists(atPath: path.path) else { throw XCTSkip("no ../shared/data/beauty: skipped") }
        let texts = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").prefix(3000).map { line in
            String(line[line.index(after: line.firstIndex(of: " ") ?? line.startIndex)...])
        }
        let tok = try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 4000)).train(texts: texts)
        XCTAssertEqual(tok.vocabularySize, 4000)
        var tokens = 0
        for t in texts {
            let ids = tok.encode(t, addEOS: true)
            tokens += ids.count
            // WhitespaceSplit turns whitespace runs into one space, so that is what comes back.
            XCTAssertEqual(tok.decode(ids, skipSpecial: true), t.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        XCTAssertGreaterThan(Double(bytes) / Double(tokens), 3.0, "a catalog vocabulary should average > 3 bytes per token")
    }
}
