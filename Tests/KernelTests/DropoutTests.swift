import XCTest
import IDGenKernel

/// Dropout masks: the configured rate, the 1/(1−p) scale, the same mask for the same seed whatever the number
/// of workers (the mask is filled in parallel chunks), a different mask from the next draw.
final class DropoutTests: XCTestCase {
    func testRateScaleAndDeterminismAcrossWorkerCounts() {
        let n = 100_003                                   // several chunks and an odd tail
        let x = Tensor(shape: [n], data: [Float](repeating: 2, count: n))
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        var masks: [[Float]] = []
        for workers in [1, 2] {
            Parallel.workers = workers
            var rng = SplitMix64(seed: 11)
            masks.append(x.dropout(0.25, training: true, rng: &rng).data)
        }
        XCTAssertEqual(masks[0], masks[1], "same seed, same mask on 1 or 2 workers")
        let zeros = masks[0].filter { $0 == 0 }.count
        XCTAssertEqual(Double(zeros) / Double(n), 0.25, accuracy: 0.01)
        XCTAssertTrue(masks[0].allSatisfy { $0 == 0 || abs($0 - 2 / 0.75) < 1e-5 })
        var rng = SplitMix64(seed: 11)
        let first = x.dropout(0.25, training: true, rng: &rng).data
        let second = x.dropout(0.25, training: true, rng: &rng).data
        XCTAssertNotEqual(first, second, "each call draws a fresh mask")
        // The second half of the tensor is not a copy of the first (chunks have their own streams).
        XCTAssertNotEqual(Array(first[0..<16_384]), Array(first[16_384..<32_768]))
        XCTAssertEqual(x.dropout(0.25, training: false, rng: &rng).data, x.data)
    }
}
