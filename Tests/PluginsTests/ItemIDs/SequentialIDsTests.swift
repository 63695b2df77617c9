import XCTest
import IDGenPlugins

final class SequentialIDsTests: XCTestCase {
    // Full sequences: user 0 = [3, 1, | 4], user 1 = [1, 0, | 2]. P5 numbering over full sequences would give
    // 3→1001, 1→1002, 4→1003, 0→1004, 2→1005 (targets right after their history). Training-only numbering
    // must give 3, 1, 0 first, then the never-trained items 2, 4 in catalog order.
    func testNumbersComeFromTrainingOrderOnly() throws {
        let catalog = Catalogs.items(["a", "b", "c", "d", "e"])
        let ids = try SequentialIDs().assign(Catalogs.input(catalog, sequences: [[3, 1], [1, 0]])).ids
        XCTAssertEqual(ids, ["1003", "1002", "1004", "1001", "1005"])
        let leaky = try SequentialIDs().assign(Catalogs.input(catalog, sequences: [[3, 1, 4], [1, 0, 2]])).ids
        XCTAssertNotEqual(ids, leaky, "the test must separate training-only from full-sequence numbering")
    }

    func testAtomicRenderingListsItsTokens() throws {
        let catalog = Catalogs.items(["a", "b", "c"])
        let a = try SequentialIDs(config: .init(rendering: .atomic, firstNumber: 1)).assign(Catalogs.input(catalog, sequences: [[2, 0]]))
        XCTAssertEqual(a.ids, ["<item_2>", "<item_3>", "<item_1>"])
        XCTAssertEqual(Set(a.addedTokens), Set(a.ids))
    }

    func testUniqueOnAdversarialCatalog() throws {
        let a = try SequentialIDs().assign(Catalogs.input(Catalogs.adversarial, sequences: [[5, 5, 1]]))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count))
    }

    func testConfigDecodesSnakeCaseWithDefaults() throws {
        let c = try decodeConfig(SequentialIDs.Config.self, #"{"first_number": 1}"#)
        XCTAssertEqual(c, SequentialIDs.Config(rendering: .digits, firstNumber: 1))
    }
}

extension SequentialIDsTests {
    func testDeterministic() throws {
        let input = Catalogs.input(Catalogs.adversarial, sequences: [[3, 2], [9]])
        XCTAssertEqual(try SequentialIDs().assign(input), try SequentialIDs().assign(input))
    }
}

extension SequentialIDsTests {
    func testOutOfRangeItemNamesUserAndItem() {
        XCTAssertThrowsError(try SequentialIDs().assign(Catalogs.input(Catalogs.items(["a"]), sequences: [[0], [0, 4]]))) { e in
            XCTAssertEqual(e as? ItemIDError, .itemOutOfRange(strategy: "sequential", user: 1, item: 4, catalogSize: 1))
        }
    }
}
