import XCTest
import IDGenPlugins

final class KeywordIDsTests: XCTestCase {
    func testMostSalientWordFirstStopWordsOut() throws {
        // "the" is a stop word; "cream" is in every item (low idf); the rare word leads.
        let catalog = Catalogs.items([
            "title: The Cream of Rose; brand: Acme",
            "title: The Cream of Mint; brand: Acme",
            "title: The Cream of Lemon; brand: Other",
        ])
        let a = try KeywordIDs().assign(Catalogs.input(catalog))
        XCTAssertEqual(a.ids, ["rose", "mint", "lemon"])
    }

    func testAdversarialCatalogGetsUniqueNonEmptyIDs() throws {
        let a = try KeywordIDs().assign(Catalogs.input(Catalogs.adversarial))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count), "\(a.ids)")
    }

    func testExtendsInSalienceOrderUntilUnique() throws {
        let catalog = Catalogs.items(["title: zebra lotion", "title: zebra soap", "title: yak soap", "title: yak gel"])
        let a = try KeywordIDs().assign(Catalogs.input(catalog))
        XCTAssertEqual(Set(a.ids).count, 4)
        XCTAssertTrue(a.ids.allSatisfy { $0.split(separator: " ").count <= 2 }, "\(a.ids)")
        XCTAssertEqual(a.ids[0], "lotion", "lotion occurs once: highest tf-idf")
    }
}

extension KeywordIDsTests {
    func testDeterministic() throws {
        XCTAssertEqual(try KeywordIDs().assign(Catalogs.input(Catalogs.adversarial, seed: 1)),
                       try KeywordIDs().assign(Catalogs.input(Catalogs.adversarial, seed: 1)))
    }
}
