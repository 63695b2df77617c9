import XCTest
import CVector
import IDGenKernel

/// The exponential kernels exist once per CPU vector width (baseline SSE2, AVX2, AVX-512), one chosen at
/// load time. Each must give the same bits as the baseline, or a run's numbers would depend on the machine.
final class VectorVariantsTests: XCTestCase {
    /// The first index where a and b differ in bits, with both values.
    func firstDifference(_ a: [Float], _ b: [Float]) -> String? {
        guard let i = a.indices.first(where: { a[$0].bitPattern != b[$0].bitPattern }) else { return nil }
        return "at \(i): \(a[i]) vs \(b[i])"
    }

    func testEveryVariantThisCPURunsGivesTheBaselineBits() throws {
        let count = Int(idg_vector_variant_count())
        XCTAssertTrue((1...3).contains(count))
        XCTAssertEqual(Int(idg_vector_variant()), count - 1, "the widest variant is the one used")
        if count == 1 { print("VectorVariantsTests: only the baseline variant runs on this CPU; nothing to compare") }
        var rng = SplitMix64(seed: 11)
        for n in [0, 1, 5, 8, 9, 15, 16, 17, 23, 24, 25, 40, 129, 8000] {
            var x = (0..<n).map { _ in Float(rng.nextUnit() * 40 - 30) }
            for i in stride(from: 2, to: n, by: 7) { x[i] = Tensor.maskValue }   // exponent far below −87
            if n > 3 { x[3] = -.infinity }
            let shift = x.max() ?? 0
            let base = x.withUnsafeBufferPointer { idg_sum_exp_variant(0, $0.baseAddress, n, shift) }
            var baseY = [Float](repeating: 0, count: n)
            let baseTotal = x.withUnsafeBufferPointer { xp in baseY.withUnsafeMutableBufferPointer {
                idg_exp_shifted_variant(0, xp.baseAddress, $0.baseAddress, n, shift) } }
            XCTAssertEqual(base.bitPattern, baseTotal.bitPattern, "n = \(n): sum and exp-shifted sum agree")
            for v in 1..<count {
                let name = String(cString: idg_vector_variant_name(Int32(v)))
                let total = x.withUnsafeBufferPointer { idg_sum_exp_variant(Int32(v), $0.baseAddress, n, shift) }
                XCTAssertEqual(total.bitPattern, base.bitPattern, "\(name), n = \(n): sum differs from sse2")
                var y = [Float](repeating: 0, count: n)
                let t2 = x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer {
                    idg_exp_shifted_variant(Int32(v), xp.baseAddress, $0.baseAddress, n, shift) } }
                XCTAssertEqual(t2.bitPattern, base.bitPattern, "\(name), n = \(n)")
                XCTAssertNil(firstDifference(y, baseY), "\(name), n = \(n): exponentials differ")
            }
            // In place (y = x) gives what a separate y gives.
            var inPlace = x
            let t3 = inPlace.withUnsafeMutableBufferPointer { idg_exp_shifted($0.baseAddress, $0.baseAddress, n, shift) }
            XCTAssertEqual(t3.bitPattern, base.bitPattern)
            XCTAssertNil(firstDifference(inPlace, baseY), "n = \(n): in place")
        }
    }

    /// The fused softmax row is the composition it replaced (bias adds, causal mask, max, exponentials, one
    /// multiply by 1/Σ), to the bit, on every variant, with and without biases, in place or not.
    func testSoftmaxRowIsTheComposition() {
        var rng = SplitMix64(seed: 13)
        for n in [1, 7, 16, 37, 128] {
            let x = (0..<n).map { _ in Float(rng.nextUnit() * 12 - 6) }
            let b1 = (0..<n).map { _ in Float(rng.nextUnit() * 2 - 1) }
            let b2 = (0..<n).map { $0 % 5 == 4 ? Tensor.maskValue : 0 }
            for (useB1, useB2, unmasked) in [(false, false, n), (true, false, n), (false, true, n), (true, true, (n + 1) / 2)] {
                var want = x
                for i in 0..<n {
                    if useB1 && useB2 { want[i] += b1[i] + b2[i] } else if useB1 { want[i] += b1[i] } else if useB2 { want[i] += b2[i] }
                    if i >= unmasked { want[i] += Tensor.maskValue }
                }
                let m = want.withUnsafeBufferPointer { idg_max($0.baseAddress, n) }
                let total = want.withUnsafeMutableBufferPointer { idg_exp_shifted($0.baseAddress, $0.baseAddress, n, m) }
                want = want.map { $0 * (1 / total) }
                for v in 0..<Int(idg_vector_variant_count()) {
                    var y = [Float](repeating: 0, count: n), inPlace = x
                    x.withUnsafeBufferPointer { xp in b1.withUnsafeBufferPointer { p1 in b2.withUnsafeBufferPointer { p2 in
                        y.withUnsafeMutableBufferPointer {
                            idg_softmax_row_variant(Int32(v), xp.baseAddress, $0.baseAddress, useB1 ? p1.baseAddress : nil,
                                                    useB2 ? p2.baseAddress : nil, n, unmasked)
                        }
                        inPlace.withUnsafeMutableBufferPointer {
                            idg_softmax_row_variant(Int32(v), $0.baseAddress, $0.baseAddress, useB1 ? p1.baseAddress : nil,
                                                    useB2 ? p2.baseAddress : nil, n, unmasked)
                        }
                    } } }
                    let label = "\(String(cString: idg_vector_variant_name(Int32(v)))), n = \(n), biases \(useB1) \(useB2)"
                    XCTAssertNil(firstDifference(y, want), label)
                    XCTAssertNil(firstDifference(inPlace, want), label + ", in place")
                }
            }
        }
    }

    func testMax() {
        XCTAssertEqual(idg_max(nil, 0), -.infinity)
        var rng = SplitMix64(seed: 5)
        for n in [1, 3, 15, 16, 17, 31, 32, 33, 100, 8000] {
            var x = (0..<n).map { _ in Float(rng.nextUnit() * 100 - 50) }
            if n > 2 { x[n - 1] = .nan; x[0] = .nan }
            if n > 16 { x[16] = 99 }           // in the lane that began with a NaN
            let expected = x.filter { !$0.isNaN }.max() ?? -.infinity
            XCTAssertEqual(x.withUnsafeBufferPointer { idg_max($0.baseAddress, n) }, expected, "n = \(n)")
        }
    }
}
