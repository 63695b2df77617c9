import XCTest
import IDGenPlugins
final class PluginsModuleTests: XCTestCase {
    func testCatalogCounts() {
        let d = Interactions(name: "t", items: [CatalogItem(rawID: "a", text: "x")], userIDs: ["u"], sequences: [[0, 0]])
        XCTAssertEqual(d.interactionCount, 2)
    }
}
