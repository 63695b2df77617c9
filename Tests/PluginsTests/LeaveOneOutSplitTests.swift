import XCTest
import IDGenPlugins

final class LeaveOneOutSplitTests: XCTestCase {
    let data = Interactions(name: "t", items: (0..<30).map { CatalogItem(rawID: "i\($0)", text: "") },
                            userIDs: ["a", "b", "c"], sequences: [[1, 2, 3, 4, 5], [7, 8], Array(0..<30)])

    func testLastIsTestSecondToLastIsValidEveryTrainingPrefixIsASample() throws {
        let s = try LeaveOneOutSplit().split(data)
        XCTAssertEqual(s.test.first, Sample(user: 0, history: [1, 2, 3, 4], target: 5, position: 4))
        XCTAssertEqual(s.valid.first, Sample(user: 0, history: [1, 2, 3], target: 4, position: 3))
        XCTAssertEqual(s.train.filter { $0.user == 0 }, [Sample(user: 0, history: [1], target: 2, position: 1),
                                                         Sample(user: 0, history: [1, 2], target: 3, position: 2)])
        XCTAssertEqual(s.trainingSequences[0], [1, 2, 3])
    }

    func testShortUsersAreTrainingOnlyAndNoted() throws {
        let s = try LeaveOneOutSplit().split(data)
        XCTAssertFalse(s.test.contains { $0.user == 1 })
        XCTAssertEqual(s.trainingSequences[1], [7, 8])
        XCTAssertEqual(s.train.filter { $0.user == 1 }, [Sample(user: 1, history: [7], target: 8, position: 1)])
        XCTAssertTrue(s.notes.contains { $0.contains("1 user(s) shorter than 3") })
    }

    func testHistoriesAreCutToMaxHistory() throws {
        let s = try LeaveOneOutSplit().split(data)
        let t = s.test.first { $0.user == 2 }!
        XCTAssertEqual(t.history, Array(9..<29))
        let s5 = try LeaveOneOutSplit(config: .init(maxHistory: 5)).split(data)
        XCTAssertTrue((s5.train + s5.valid + s5.test).allSatisfy { $0.history.count <= 5 })
        XCTAssertEqual(s5.test.first { $0.user == 2 }!.history, [24, 25, 26, 27, 28])
        XCTAssertThrowsError(try LeaveOneOutSplit(config: .init(maxHistory: 0)).split(data))
    }

    func testTrainingSequencesNeverHoldValidOrTestPositions() throws {
        let d = try SyntheticDataset(config: .init(users: 300, items: 200)).load()
        let s = try LeaveOneOutSplit().split(d)
        for (u, seq) in d.sequences.enumerated() {
            XCTAssertEqual(s.trainingSequences[u], Array(seq.dropLast(2)))
        }
        XCTAssertTrue(s.train.allSatisfy { $0.position < d.sequences[$0.user].count - 2 })
        XCTAssertEqual(s.test.count, 300)
        XCTAssertEqual(s.train.count, d.interactionCount - 3 * 300)
    }
}
