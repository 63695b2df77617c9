import XCTest
import IDGenPlugins

final class DatasetSummaryTests: XCTestCase {
    func testCountsLengthsAndCoverage() {
        let items = [CatalogItem(rawID: "a", text: "title: x; brand: y", fields: ["title": "x", "brand": "y"]),
                     CatalogItem(rawID: "b", text: "title: z", fields: ["title": "z"]),
                     CatalogItem(rawID: "c", text: "")]
        let d = Interactions(name: "t", items: items, userIDs: ["u", "v", "w"], sequences: [[0, 1], [0, 1, 2, 0, 1], Array(repeating: 2, count: 60)])
        let s = DatasetSummary(d)
        XCTAssertEqual(s.interactions, 67)
        XCTAssertEqual([s.lengthMin, s.lengthMedian, s.lengthMax], [2, 5, 60])
        XCTAssertEqual(s.lengthHistogram.map(\.1), [1, 0, 1, 0, 0, 1])
        XCTAssertEqual(s.itemsWithText, 2)
        XCTAssertEqual(s.fieldCoverage.map(\.0), ["title", "brand"])
        XCTAssertTrue(s.lines().contains("text coverage: 2/3 items have text (66.7%)"))
    }
}
