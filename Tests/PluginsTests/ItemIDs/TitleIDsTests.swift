import XCTest
import IDGenPlugins

final class TitleIDsTests: XCTestCase {
    func testAdversarialCatalogGetsUniqueNonEmptyIDs() throws {
        let a = try TitleIDs().assign(Catalogs.input(Catalogs.adversarial))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count), "\(a.ids)")
        // one-word titles stay one word where unique; duplicates extend, then take a suffix
        XCTAssertEqual(a.ids[0], "lipstick")
        XCTAssertEqual(a.ids[3], "lipstick red")
        XCTAssertEqual(a.ids[4], "lipstick 2", "its own title words come first")
        XCTAssertEqual(a.ids[1], "lipstick 3", "the suffix skips a number another item's title already uses")
        XCTAssertEqual(a.ids[11], "soap", "titles containing '; ' parse whole, first word suffices")
        XCTAssertEqual(a.ids[12], "plain")
        XCTAssertEqual(a.ids[13], "plain 2", "identical texts go straight to the suffix, not to full length")
        XCTAssertEqual(a.ids[5], "item", "empty text gets the fallback word")
    }

    func testWordByWordExtensionOnlyWhereNeeded() throws {
        let catalog = Catalogs.items(["title: Rose Water Spray", "title: Rose Water Toner", "title: Rose Oil", "title: Mint Gum"])
        XCTAssertEqual(try TitleIDs().assign(Catalogs.input(catalog)).ids,
                       ["rose water spray", "rose water toner", "rose oil", "mint"])
    }

    func testUniquenessAtTokenLevel() throws {
        // "zzz" and "qqq" are both unknown to the tokenizer: different strings, same token sequence.
        let tok = WordTableTokenizer(words: ["alpha", "beta", "2", "3"])
        let catalog = Catalogs.items(["title: zzz alpha", "title: qqq alpha", "title: beta"])
        let a = try TitleIDs().assign(Catalogs.input(catalog, tokenizer: tok))
        let sequences = a.ids.map { tok.encode($0, addEOS: false) }
        XCTAssertEqual(Set(sequences).count, 3, "\(a.ids)")
        XCTAssertEqual(a.ids[2], "beta")
    }

    func testFieldsWinOverText() throws {
        let item = CatalogItem(rawID: "x", text: "title: Wrong", fields: ["title": "Right Name"])
        XCTAssertEqual(try TitleIDs().assign(Catalogs.input([item])).ids, ["right"])
    }

    func testMaxWordsForcesSuffix() throws {
        let catalog = Catalogs.items(["title: a b c", "title: a b d"])
        let a = try TitleIDs(config: .init(maxWords: 2)).assign(Catalogs.input(catalog))
        XCTAssertEqual(a.ids, ["a", "a 2"], "capped at 2 words the titles are identical: extension cannot help")
    }
}

extension TitleIDsTests {
    func testDeterministic() throws {
        XCTAssertEqual(try TitleIDs().assign(Catalogs.input(Catalogs.adversarial, seed: 1)),
                       try TitleIDs().assign(Catalogs.input(Catalogs.adversarial, seed: 1)))
    }
}
