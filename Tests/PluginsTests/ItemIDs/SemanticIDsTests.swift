import XCTest
import IDGenPlugins

final class SemanticIDsTests: XCTestCase {
    func testCategoryPathPlusIndexWithinLeaf() throws {
        let a = try SemanticIDs().assign(Catalogs.input(Catalogs.items([
            "title: A; categories: Beauty, Makeup, Lips",
            "title: B; categories: Beauty, Makeup, Eyes",
            "title: C; categories: Beauty, Makeup, Lips",
            "title: D; categories: Beauty, Hair",
        ])))
        // root "Beauty" is common to all and dropped
        XCTAssertEqual(a.ids, ["<s1_0><s2_0><si_0>", "<s1_0><s2_1><si_0>", "<s1_0><s2_0><si_1>", "<s1_1><si_0>"])
        XCTAssertEqual(Set(a.addedTokens), ["<s1_0>", "<s1_1>", "<s2_0>", "<s2_1>", "<si_0>", "<si_1>"])
    }

    func testErrorWithoutCategories() {
        XCTAssertThrowsError(try SemanticIDs().assign(Catalogs.input(Catalogs.items(["title: x", "", "title: y; brand: z"])))) { e in
            XCTAssertEqual(e as? ItemIDError, .noCategories(strategy: "semantic"))
            XCTAssertTrue("\(e)".contains("no item has categories"))
        }
    }

    func testAdversarialCatalogUnique() throws {
        let a = try SemanticIDs().assign(Catalogs.input(Catalogs.adversarial))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count), "\(a.ids)")
        XCTAssertTrue(a.ids[5].hasPrefix("<s1_"), "items without categories share an 'uncategorized' path")
    }
}

extension SemanticIDsTests {
    func testDeterministicAndFieldsWin() throws {
        let items = [CatalogItem(rawID: "a", text: "categories: X, Y", fields: ["categories": "P > Q"]),
                     CatalogItem(rawID: "b", text: "categories: X, Y", fields: ["categories": "P > R"])]
        let a = try SemanticIDs().assign(Catalogs.input(items))
        XCTAssertEqual(a.ids, ["<s1_0><si_0>", "<s1_1><si_0>"], "'P' is the common root, dropped; '>' separates")
        XCTAssertEqual(a, try SemanticIDs().assign(Catalogs.input(items)))
    }
}
