import XCTest
import IDGenPlugins

final class IDReportCardTests: XCTestCase {
    func testCountsTrieShapeFromSplitStrings() {
        let a = ItemIDAssignment(ids: ["<c1_0><i_0>", "<c1_0><i_1>", "<c1_1><i_0>"],
                                 addedTokens: ["<c1_0>", "<c1_1>", "<i_0>", "<i_1>"], report: ["collisions": "none"])
        let card = IDReportCard(strategy: "t", assignment: a, tokenizer: nil, buildSeconds: 0.5)
        XCTAssertEqual(card.items, 3)
        XCTAssertEqual(card.uniqueSequences, 3)
        XCTAssertEqual(card.meanTokens, 2)
        XCTAssertEqual(card.maxTokens, 2)
        XCTAssertEqual(card.addedTokens, 4)
        XCTAssertEqual(card.trieDepth, 2)
        XCTAssertEqual(card.branching, [2, 1.5, 1])   // root: 2 clusters; level 1: 2 and 1 leaves; level 2: end markers
        XCTAssertTrue(card.lines.contains("collisions: none"))
        XCTAssertTrue(card.lines.contains("build time: 0.50 s"))
    }

    func testTokenLevelCatchesStringsThatEncodeAlike() {
        let tok = WordTableTokenizer(words: ["rose"])
        let a = ItemIDAssignment(ids: ["zzz rose", "qqq rose", "rose"])
        let card = IDReportCard(strategy: "t", assignment: a, tokenizer: tok, buildSeconds: 0)
        XCTAssertEqual(card.uniqueSequences, 2)
        XCTAssertTrue(card.lines.contains { $0.contains("1 items share a sequence") }, "\(card.lines)")
    }

    func testSplitSeparatesWordsAndAtomicTokens() {
        XCTAssertEqual(IDReportCard.split("rose <s1_2>water <i_0>"), ["rose", "<s1_2>", "water", "<i_0>"])
    }
}
