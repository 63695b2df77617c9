import XCTest
import IDGenPlugins

final class ItemTextTests: XCTestCase {
    func testParsesFieldsKeepingSemicolonsInsideValues() {
        let f = ItemText.parse("title: Soap; Bar Edition; brand: Bubbles; categories: Beauty, Bath")
        XCTAssertEqual(f, ["title": "Soap; Bar Edition", "brand": "Bubbles", "categories": "Beauty, Bath"])
        XCTAssertEqual(ItemText.parse("no fields here"), [:])
    }

    func testWordsAreLowercasedAndNormalized() {
        XCTAssertEqual(ItemText.words("Women's EAU-de-Parfum, 1.7 Oz!"), ["womens", "eau", "de", "parfum", "1", "7", "oz"])
        XCTAssertEqual(ItemText.words("  !!! "), [])
    }

    func testFieldValuesDropFieldNames() {
        let item = CatalogItem(rawID: "x", text: "title: Rose; brand: Acme")
        XCTAssertEqual(ItemText.words(ItemText.fieldValues(of: item)), ["acme", "rose"])
    }
}
