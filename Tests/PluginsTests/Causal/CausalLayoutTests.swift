import XCTest
import IDGenPlugins

/// The causal model's training sequences: windows of each user's training part only (never a validation or
/// test target), every training target item scored exactly once, and decoding inputs laid out as training.
final class CausalLayoutTests: XCTestCase {
    /// Item i is written as the one token 10 + i, then EOS (1): token sequences map back to items exactly.
    static func tokens(items n: Int) -> [[Int]] { (0..<n).map { [10 + $0, 1] } }

    static func items(_ tokens: [Int]) -> [Int] { tokens.filter { $0 >= 10 }.map { $0 - 10 } }

    func testWindowsTargetEveryItemAfterTheFirstOnceWithHalfAWindowOfContext() {
        for window in 2...7 {
            let layout = CausalLayout(startToken: 0, window: window)
            XCTAssertEqual(layout.windows(count: 0), [])
            XCTAssertEqual(layout.windows(count: 1), [])
            for n in 2...40 {
                let ws = layout.windows(count: n)
                var targeted: [Int] = []
                for (i, w) in ws.enumerated() {
                    XCTAssertLessThanOrEqual(w.items.count, window, "n \(n) window \(window)")
                    XCTAssertTrue(w.items.lowerBound < w.firstTarget && w.firstTarget < w.items.upperBound)
                    if i > 0 { XCTAssertGreaterThanOrEqual(w.firstTarget - w.items.lowerBound, window / 2, "context of window \(i)") }
                    targeted += Array(w.firstTarget..<w.items.upperBound)
                }
                XCTAssertEqual(targeted, Array(1..<n), "n \(n) window \(window): each item after the first is a target once")
            }
        }
    }

    func testPairsAreSlicesOfTrainingPartsOnlyUnderLeaveOneOutAndTemporalSplits() throws {
        let data = try SyntheticDataset(config: .init(users: 120, items: 90, seed: 4)).load()
        let tokens = Self.tokens(items: data.itemCount)
        for split in [try LeaveOneOutSplit(config: .init(maxHistory: 6)).split(data), try TemporalSplit(config: .init(maxHistory: 6)).split(data)] {
            let layout = CausalLayout(startToken: 0, window: CausalLayout.window(for: split))
            XCTAssertEqual(layout.window, 7)
            // Held-out predictions: (user, position in the user's whole sequence).
            let heldOut = Set((split.valid + split.test).map { "\($0.user)/\($0.position)" })
            XCTAssertFalse(heldOut.isEmpty)
            for (u, train) in split.trainingSequences.enumerated() {
                let full = data.sequences[u]
                XCTAssertEqual(Array(full.prefix(train.count)), train, "user \(u): the training part is the sequence's start")
                for (p, pair) in layout.pairs(trainingSequences: [train], itemTokens: tokens).enumerated() {
                    XCTAssertEqual(pair.source.first, 0, "a pair starts with the start token")
                    let window = Self.items(pair.source) + Self.items(pair.target)
                    // The window is a contiguous slice of the training part; find where, and check no position
                    // in it is a held-out prediction of this user.
                    let starts = (0...max(train.count - window.count, 0)).filter { Array(train[$0..<min($0 + window.count, train.count)]) == window }
                    XCTAssertFalse(starts.isEmpty, "user \(u) pair \(p) is not a slice of the training part")
                    for s in starts {
                        for position in s..<(s + window.count) {
                            XCTAssertFalse(heldOut.contains("\(u)/\(position)"), "user \(u): held-out position \(position) inside a training sequence")
                        }
                    }
                }
            }
        }
    }

    func testDecodingInputIsTheStartTokenAndTheHistorysIDs() {
        let layout = CausalLayout(startToken: 0, window: 4)
        let tokens = [[5, 6, 1], [7, 1], [8, 9, 1]]
        XCTAssertEqual(layout.input(history: [2, 0], itemTokens: tokens), [0, 8, 9, 1, 5, 6, 1])
        XCTAssertEqual(layout.input(history: [], itemTokens: tokens), [0])
        // A training pair over the same items reads exactly that prefix before its first target.
        let pair = layout.pairs(trainingSequences: [[2, 0, 1]], itemTokens: tokens)
        XCTAssertEqual(pair, [Seq2SeqPair(source: [0, 8, 9, 1], target: [5, 6, 1, 7, 1])])
    }
}
