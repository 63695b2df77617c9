import XCTest
import IDGenPlugins

final class RandomIDsTests: XCTestCase {
    func testDeterministicForSeedAndDistinct() throws {
        let catalog = Catalogs.items((0..<200).map { "item \($0)" })
        let a = try RandomIDs().assign(Catalogs.input(catalog, seed: 3))
        let b = try RandomIDs().assign(Catalogs.input(catalog, seed: 3))
        let c = try RandomIDs().assign(Catalogs.input(catalog, seed: 4))
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a.ids, c.ids)
        XCTAssertEqual(Set(a.ids), Set((1001..<1201).map(String.init)))
        XCTAssertNotEqual(a.ids, (1001..<1201).map(String.init), "a permutation, not the identity")
    }

    func testAtomicRendering() throws {
        let a = try RandomIDs(config: .init(rendering: .atomic)).assign(Catalogs.input(Catalogs.adversarial))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count))
        XCTAssertTrue(a.ids.allSatisfy { $0.hasPrefix("<item_") })
        XCTAssertEqual(Set(a.addedTokens), Set(a.ids))
    }
}
