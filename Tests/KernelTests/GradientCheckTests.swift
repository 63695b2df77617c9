// Every op's backward against central finite differences.
//
// How to add an op: write forward and backward together in Sources/Kernel/Ops, then add a test here that
// calls `check` with small random inputs (inputs that must not be differentiated go in as constants).
// The checker contracts the op's output with fixed random weights w (loss = Σ w·y, summed in Double),
// back-propagates w, and compares each input gradient with (L(x+h) − L(x−h)) / 2h.
// Tolerance: |analytic − numeric| ≤ 2e-3 + 2e-2·max(|analytic|, |numeric|), h = 1e-2 — Float32 values
// with Double accumulation of the contraction; kinks (relu at 0, masked regions) are kept away from h.
import XCTest
import IDGenKernel

final class GradientCheckTests: XCTestCase {
    var rng = SplitMix64(seed: 7)

    func rand(_ shape: [Int], scale: Float = 1) -> Tensor {
        Tensor.normal(shape, std: scale, rng: &rng, requiresGrad: true)
    }

    func check(_ inputs: [Tensor], h: Float = 1e-2, file: StaticString = #filePath, line: UInt = #line,
               _ f: ([Tensor]) -> Tensor) {
        let y = f(inputs)
        var wr = SplitMix64(seed: 99)
        let w = (0..<y.count).map { _ in wr.nextNormal() }
        func loss() -> Double {
            let out = Tape.withoutGradients { f(inputs) }
            return zip(out.data, w).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        for x in inputs { x.zeroGrad() }
        y.backward(seed: w)
        for (k, x) in inputs.enumerated() where x.requiresGrad {
            let g = x.grad ?? [Float](repeating: 0, count: x.count)
            for i in 0..<x.count {
                let old = x.data[i]
                x.data[i] = old + h; let lp = loss()
                x.data[i] = old - h; let lm = loss()
                x.data[i] = old
                let num = Float((lp - lm) / Double(2 * h))
                let tol = 2e-3 + 2e-2 * max(abs(num), abs(g[i]))
                if abs(num - g[i]) > tol {
                    XCTFail("input \(k) element \(i): analytic \(g[i]) vs numeric \(num)", file: file, line: line)
                    return
                }
            }
        }
    }

    func testMatmulNNAndNT() {
        check([rand([2, 3, 4]), rand([4, 5])]) { $0[0].matmul($0[1]) }
        check([rand([3, 4]), rand([5, 4])]) { $0[0].matmul($0[1], transposeB: true) }
    }

    func testBatchedMatmulAllTransposes() {
        for ta in [false, true] {
            for tb in [false, true] {
                let a = rand(ta ? [3, 4, 2] : [3, 2, 4]), b = rand(tb ? [3, 5, 4] : [3, 4, 5])
                check([a, b]) { $0[0].batchedMatmul($0[1], transposeA: ta, transposeB: tb) }
            }
        }
    }

    func testArithmeticWithBroadcasting() {
        check([rand([2, 3, 4]), rand([3, 4])]) { $0[0] + $0[1] }
        check([rand([2, 3, 4]), rand([2, 1, 4])]) { $0[0] - $0[1] }
        check([rand([2, 3]), rand([3])]) { $0[0] * $0[1] }
        let denom = Tensor(shape: [3], data: [1.5, -2, 3], requiresGrad: true)
        check([rand([2, 3]), denom]) { $0[0] / $0[1] }
        check([rand([4])]) { $0[0].scaled(-0.7) }
    }

    func testReductions() {
        check([rand([2, 3, 4])]) { $0[0].sum(axis: 1) }
        check([rand([2, 3, 4])]) { $0[0].mean(axis: -1, keepDims: true) }
        check([rand([2, 3])]) { $0[0].mean() }
    }

    func testPointwise() {
        check([rand([3, 4])]) { $0[0].exp() }
        let pos = Tensor(shape: [5], data: [0.5, 1, 2, 3, 4.5], requiresGrad: true)
        check([pos]) { $0[0].log() }
        // relu: keep values away from the kink at 0
        let x = Tensor(shape: [6], data: [-1, -0.5, -0.2, 0.3, 0.8, 2], requiresGrad: true)
        check([x]) { $0[0].relu() }
        check([rand([3, 4], scale: 2)]) { $0[0].gelu() }
    }

    func testSoftmaxAndLogSoftmax() {
        check([rand([3, 5])]) { $0[0].softmax() }
        check([rand([2, 2, 5])]) { $0[0].logSoftmax() }
    }

    func testRMSNorm() {
        let w = Tensor(shape: [4], data: [1, 0.5, -1.2, 2], requiresGrad: true)
        check([rand([3, 4]), w]) { $0[0].rmsNorm(weight: $0[1], epsilon: 1e-6) }
    }

    func testEmbeddingGatherScatter() {
        check([rand([5, 3])]) { $0[0].gatherRows([1, 4, 1, 0], shape: [2, 2]) }
    }

    func testShapes() {
        check([rand([2, 3, 4])]) { $0[0].permuted([2, 0, 1]) }
        check([rand([2, 3]), rand([2, 2])]) { Tensor.concat([$0[0], $0[1]], axis: 1) }
        check([rand([2, 5, 3])]) { $0[0].slice(axis: 1, 1..<4) }
        check([rand([4, 3])]) { x in
            let parts = x[0].split(axis: 0, sizes: [1, 3])
            return parts[0].scaled(2) + parts[1].sum(axis: 0, keepDims: true)
        }
        check([rand([2, 6])]) { $0[0].reshaped([3, -1]).scaled(1.5) }
    }

    func testMaskedFillAndAttentionBias() {
        check([rand([2, 3])]) { $0[0].maskedFill([true, false, false, true, false, true], value: -5) }
        let pos = rand([2, 3, 3])
        let mask: [Float] = [1, 1, 0, 1, 1, 1]
        check([rand([2, 2, 3, 3]), pos]) {
            $0[0].addingAttentionBias(position: $0[1], keyMask: mask, causal: true).softmax()
        }
    }

    func testCrossEntropyIgnoresPaddingAndSmooths() {
        check([rand([4, 6])]) { $0[0].crossEntropy(targets: [1, -100, 5, 0]) }
        check([rand([3, 6])]) { $0[0].crossEntropy(targets: [2, 3, -100], labelSmoothing: 0.1) }
    }

    func testSoftEmbeddingFlowsIntoProbabilities() {
        // probabilities produced by a softmax (as the ID generator's), times an embedding table
        check([rand([3, 5]), rand([5, 4])]) { $0[0].softmax().softEmbedding(table: $0[1]) }
    }

    func testDropoutUsesSameMaskInBackward() {
        let x = rand([50])
        check([x]) { inputs in
            var r = SplitMix64(seed: 3)  // same mask on every evaluation
            return inputs[0].dropout(0.3, training: true, rng: &r)
        }
    }
}
