import XCTest
import Foundation
import IDGenKernel

/// Softmax and log-softmax (vectorized exponential) against a Double reference, over the value ranges the
/// models produce: ordinary logits, huge spreads, masked positions (−1e9), −∞, and rows not a multiple of 8.
final class SoftmaxAccuracyTests: XCTestCase {
    func reference(_ row: [Float]) -> (softmax: [Double], logSoftmax: [Double]) {
        let x = row.map(Double.init)
        let m = x.max()!
        let s = x.reduce(0) { $0 + Foundation.exp($1 - m) }
        return (x.map { Foundation.exp($0 - m) / s }, x.map { $0 - m - Foundation.log(s) })
    }

    func testMatchesADoubleReference() throws {
        var rng = SplitMix64(seed: 3)
        var rows: [[Float]] = []
        for n in [1, 7, 8, 9, 15, 16, 17, 24, 31, 33, 8000] {
            rows.append((0..<n).map { _ in Float(rng.nextUnit() * 20 - 10) })            // ordinary logits
            rows.append((0..<n).map { _ in Float(rng.nextUnit() * 200 - 100) })          // exponents far below −87
        }
        var masked = (0..<37).map { _ in Float(rng.nextUnit() * 6) }
        for i in stride(from: 0, to: 37, by: 3) { masked[i] = Tensor.maskValue }
        rows.append(masked)
        var withInfinity = (0..<12).map { Float($0) / 4 }
        withInfinity[5] = -.infinity
        rows.append(withInfinity)
        for row in rows {
            let t = Tensor(shape: [1, row.count], data: row)
            let (p, lp) = reference(row)
            let sm = t.softmax().data, lsm = t.logSoftmax().data
            for i in row.indices {
                XCTAssertEqual(Double(sm[i]), p[i], accuracy: 1e-6 + 1e-5 * p[i], "softmax, n = \(row.count), i = \(i)")
                if lp[i] > -80 {   // log-probabilities of masked or −∞ entries are only "very negative"
                    XCTAssertEqual(Double(lsm[i]), lp[i], accuracy: 2e-5 * Swift.max(1, abs(lp[i])), "log-softmax, n = \(row.count), i = \(i)")
                }
            }
            XCTAssertEqual(sm.reduce(0, +), 1, accuracy: 1e-5)
        }
    }
}
