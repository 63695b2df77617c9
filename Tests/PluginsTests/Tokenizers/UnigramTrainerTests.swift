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
