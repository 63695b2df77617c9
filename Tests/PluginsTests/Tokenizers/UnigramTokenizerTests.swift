// Parity with HF tokenizers on the committed fixtures (tools/make_tokenizer_fixtures.py), added atomic tokens,
// saving, and typed errors for malformed files.
import Foundation
import IDGenPlugins
import XCTest

final class UnigramTokenizerTests: XCTestCase {
    /// T5's shape: Precompiled (nmt_nfkc) normalizer, WhitespaceSplit + Metaspace, `$A </s>`, byte fallback.
    func testT5ShapedTokenizerMatchesHFIdForId() throws {
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("t5.tokenizer.json"))
        XCTAssertEqual(tok.vocabularySize, 8100)
        XCTAssertEqual([tok.padID, tok.eosID, tok.unkID], [0, 1, 2])
        XCTAssertEqual(tok.tokenID("<extra_id_0>"), 8099)
        try TokenizerFixtures.assertParity(tok, expectedFile: "t5.expected.json", addEOS: true)
    }

    /// HF's generic sentencepiece converter: Replace regexes, Metaspace(first, no split), ByteFallback decoder.
    func testSentencepieceConverterShapeMatchesHFIdForId() throws {
        let tok = try UnigramTokenizer(contentsOf: TokenizerFixtures.url("spm.tokenizer.json"))
        try TokenizerFixtures.assertParity(tok, expectedFile: "spm.expected.json", addEOS: false)
    }
}
