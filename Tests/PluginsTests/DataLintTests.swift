import XCTest
import IDGenPlugins

final class DataLintTests: XCTestCase {
    func items(_ n: Int, text: (Int) -> String = { "title: item \($0)" }) -> [CatalogItem] {
        (0..<n).map { CatalogItem(rawID: "\(100 + $0)", text: text($0)) }
    }

    func rules(_ d: Interactions) -> [String: LintFinding] {
        Dictionary(uniqueKeysWithValues: DataLint().lint(d).map { ($0.rule, $0) })
    }

    func testCleanDataHasNoFindings() throws {
        let d = Interactions(name: "clean", items: items(6), userIDs: ["a", "b"], sequences: [[3, 1, 4, 0], [5, 2, 0]])
        XCTAssertEqual(DataLint().lint(d), [])
    }

    func testSortedByIDIsAnErrorNumericAndLexicographic() throws {
        // Numeric ids: 100 < 99+… sorted numerically, although "1000" < "999" lexicographically.
        var numeric = items(3)
        numeric.append(CatalogItem(rawID: "1000", text: "x"))
        let users = (0..<20).map { "u\($0)" }
        let seqs = (0..<20).map { $0 == 0 ? [3, 0, 1] : [0, 1, 2, 3] }
        let f = rules(Interactions(name: "n", items: numeric, userIDs: users, sequences: seqs))["sorted-by-id"]
        XCTAssertEqual(f?.severity, .error)
        XCTAssertEqual(f?.count, 19)
        XCTAssertEqual(f?.examples.first, "u1")
        // Mixed ids compare as bytes: "B01" < "B02" < "X9".
        let mixed = ["B01", "B02", "X9", "7806"].map { CatalogItem(rawID: $0, text: "t \($0)") }
        let m = rules(Interactions(name: "m", items: mixed, userIDs: users, sequences: (0..<20).map { _ in [3, 0, 1, 2] }))
        XCTAssertNotNil(m["sorted-by-id"])
        // Just below the threshold (90% exactly) is not reported.
        let below = (0..<20).map { $0 < 2 ? [2, 1, 0] : [0, 1, 2] }
        XCTAssertNil(rules(Interactions(name: "b", items: items(3), userIDs: users, sequences: below))["sorted-by-id"])
        XCTAssertEqual(DataLint().sortedShare(Interactions(name: "b", items: items(3), userIDs: users, sequences: below)).share, 0.9)
    }

    func testRepeatsTargetsInHistoryShortUsersEmptyAndDuplicateTexts() throws {
        let its = items(5) { ["title: a", "", "title: a", "  ", "title: e"][$0] }
        let d = Interactions(name: "d", items: its, userIDs: ["rep", "short", "ok"], sequences: [[0, 2, 0, 4, 0], [4, 2], [4, 0, 2]])
        let r = rules(d)
        XCTAssertEqual(r["repeated-items"]?.count, 1)
        XCTAssertEqual(r["repeated-items"]?.examples, ["rep"])
        XCTAssertEqual(r["test-target-in-history"]?.examples, ["rep"])
        XCTAssertEqual(r["short-users"]?.examples, ["short"])
        XCTAssertEqual(r["items-without-text"]?.count, 2)
        XCTAssertEqual(r["items-without-text"]?.examples, ["101", "103"])
        XCTAssertEqual(r["duplicate-texts"]?.examples, ["102 = 100"])
        XCTAssertNil(r["sorted-by-id"])
        XCTAssertEqual(DataLint().lint(d).first?.severity, .warning)
    }

    func testSyntheticDataIsClean() throws {
        let d = try SyntheticDataset(config: .init(users: 500, items: 400)).load()
        let found = DataLint().lint(d).filter { $0.severity != .info }
        XCTAssertEqual(found, [], "\(found)")
    }

    func testYelpKnownFacts() throws {
        guard let path = ScratchFolder.sharedData("yelp") else { throw XCTSkip("../shared/data/yelp is absent") }
        let r = rules(try IDGenRecFolderDataset(config: .init(path: path)).load())
        XCTAssertEqual(r["repeated-items"]?.count, 7_102)
        XCTAssertEqual(r["test-target-in-history"]?.count, 2_027)
        XCTAssertNil(r["sorted-by-id"])
    }

    func testBeautyIsInTimeOrder() throws {
        guard let path = ScratchFolder.sharedData("beauty") else { throw XCTSkip("../shared/data/beauty is absent") }
        let d = try IDGenRecFolderDataset(config: .init(path: path)).load()
        // Newer products have larger ASINs, so some users look sorted by chance — far from all of them.
        XCTAssertLessThan(DataLint().sortedShare(d).share, 0.3)
        // The same users re-sorted by id, as the IDGenRec copies of Sports and Toys are, are caught.
        var sorted = d
        sorted.sequences = d.sequences.map { $0.sorted { d.items[$0].rawID < d.items[$1].rawID } }
        XCTAssertEqual(rules(sorted)["sorted-by-id"]?.severity, .error)
    }
}
