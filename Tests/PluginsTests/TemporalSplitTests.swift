import XCTest
import Foundation
import IDGenPlugins

final class TemporalSplitTests: XCTestCase {
    let data = Interactions(name: "t", items: (0..<10).map { CatalogItem(rawID: "i\($0)", text: "") },
                            userIDs: ["a", "b"], sequences: [[1, 2, 3, 4, 5], [6, 7, 8]],
                            timestamps: [[10, 20, 30, 40, 50], [15, 35, 45]])

    func testGlobalCutSeparatesTrainValidTest() throws {
        let s = try TemporalSplit(config: .init(validFrom: 30, testFrom: 45)).split(data)
        XCTAssertEqual(s.trainingSequences, [[1, 2], [6]])
        XCTAssertEqual(s.valid, [Sample(user: 0, history: [1, 2], target: 3, position: 2),
                                 Sample(user: 1, history: [6], target: 7, position: 1)])
        XCTAssertEqual(s.test, [Sample(user: 0, history: [1, 2, 3, 4], target: 5, position: 4),
                                Sample(user: 1, history: [6, 7], target: 8, position: 2)])
        XCTAssertEqual(s.train, [Sample(user: 0, history: [1], target: 2, position: 1)])
        let all = try TemporalSplit(config: .init(validFrom: 30, testFrom: 45, targets: .all)).split(data)
        XCTAssertEqual(all.valid.count, 3)
    }

    func testQuantileCuts() throws {
        let cuts = try TemporalSplit(config: .init(testFraction: 0.25, validFraction: 0.25)).cuts(data)
        // 8 times sorted: 10 15 20 30 35 40 45 50 → valid from index 4 (35), test from index 6 (45).
        XCTAssertEqual(cuts.validFrom, 35)
        XCTAssertEqual(cuts.testFrom, 45)
    }

    func testNoTimestampsIsAClearError() {
        let d = Interactions(name: "beauty", items: data.items, userIDs: ["a"], sequences: [[1, 2, 3]])
        XCTAssertThrowsError(try TemporalSplit().split(d)) { e in
            XCTAssertTrue("\(e)".contains("use leave-one-out"), "\(e)")
        }
        XCTAssertThrowsError(try TemporalSplit(config: .init(validFrom: 50, testFrom: 10)).split(data))
    }

    func testSyntheticDataSplitsWithoutFutureInTraining() throws {
        let d = try SyntheticDataset(config: .init(users: 200, items: 200)).load()
        let split = TemporalSplit()
        let (validFrom, _) = try split.cuts(d)
        let s = try split.split(d)
        for (u, tr) in s.trainingSequences.enumerated() {
            XCTAssertTrue(d.timestamps![u].prefix(tr.count).allSatisfy { $0 < validFrom })
        }
        XCTAssertFalse(s.test.isEmpty)
    }
}
