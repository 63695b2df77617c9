import XCTest
import IDGenPlugins

final class RQCodeIDsTests: XCTestCase {
    static let twoTopics = Catalogs.items(
        (0..<12).map { "title: red matte lipstick shade \($0); brand: Rouge; categories: Lips" }
        + (0..<12).map { "title: argan oil shampoo bottle \($0); brand: Wash; categories: Hair" })

    func testSimilarTextsShareFirstCode() throws {
        let a = try RQCodeIDs(config: .init(levels: 2, codebookSize: 2, dimensions: 4)).assign(Catalogs.input(Self.twoTopics))
        XCTAssertEqual(Set(a.ids).count, 24)
        let first = a.ids.map { IDReportCard.split($0)[0] }
        XCTAssertEqual(Set(first[0..<12]).count, 1, "\(first)")
        XCTAssertEqual(Set(first[12..<24]).count, 1, "\(first)")
        XCTAssertNotEqual(first[0], first[12])
        XCTAssertTrue(a.report["code_usage"]!.contains("level 2:"))
    }

    func testEveryIDHasLevelsPlusDedupCode() throws {
        let a = try RQCodeIDs(config: .init(levels: 3, codebookSize: 4, dimensions: 8)).assign(Catalogs.input(Self.twoTopics))
        for id in a.ids {
            let t = IDReportCard.split(id)
            XCTAssertEqual(t.count, 4)
            XCTAssertTrue(t[3].hasPrefix("<rd_"))
        }
        XCTAssertEqual(Set(a.addedTokens), Set(a.ids.flatMap(IDReportCard.split)))
    }

    func testAdversarialCatalogAndDeterminism() throws {
        let s = RQCodeIDs(config: .init(codebookSize: 4, dimensions: 4))
        let a = try s.assign(Catalogs.input(Catalogs.adversarial, seed: 9))
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count), "\(a.ids)")
        XCTAssertEqual(a, try s.assign(Catalogs.input(Catalogs.adversarial, seed: 9)))
    }
}
