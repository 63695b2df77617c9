// Every op's backward against central finite differences.
//
// How to add an op: write forward and backward together in Sources/Kernel/Ops, then add a test here that
// calls `check` with small random inputs (inputs that must not be differentiated go in as constants).
// `gradientCheck` (GradientChecker.swift) contracts the op's output with fixed random weights w (loss = Σ w·y, summed in Double),
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

    func testMatmulNNAndNT() {
        gradientCheck([rand([2, 3, 4]), rand([4, 5])]) { $0[0].matmul($0[1]) }
        gradientCheck([rand([3, 4]), rand([5, 4])]) { $0[0].matmul($0[1], transposeB: true) }
    }

    func testBatchedMatmulAllTransposes() {
        for ta in [false, true] {
            for tb in [false, true] {
                let a = rand(ta ? [3, 4, 2] : [3, 2, 4]), b = rand(tb ? [3, 5, 4] : [3, 4, 5])
                gradientCheck([a, b]) { $0[0].batchedMatmul($0[1], transposeA: ta, transposeB: tb) }
            }
        }
    }

    func testArithmeticWithBroadcasting() {
        gradientCheck([rand([2, 3, 4]), rand([3, 4])]) { $0[0] + $0[1] }
        gradientCheck([rand([2, 3, 4]), rand([2, 1, 4])]) { $0[0] - $0[1] }
        gradientCheck([rand([2, 3]), rand([3])]) { $0[0] * $0[1] }
        let denom = Tensor(shape: [3], data: [1.5, -2, 3], requiresGrad: true)
        gradientCheck([rand([2, 3]), denom]) { $0[0] / $0[1] }
        gradientCheck([rand([4])]) { $0[0].scaled(-0.7) }
    }

    func testReductions() {
        gradientCheck([rand([2, 3, 4])]) { $0[0].sum(axis: 1) }
        gradientCheck([rand([2, 3, 4])]) { $0[0].mean(axis: -1, keepDims: true) }
        gradientCheck([rand([2, 3])]) { $0[0].mean() }
    }

    func testPointwise() {
        gradientCheck([rand([3, 4])]) { $0[0].exp() }
        let pos = Tensor(shape: [5], data: [0.5, 1, 2, 3, 4.5], requiresGrad: true)
        gradientCheck([pos]) { $0[0].log() }
        // relu: keep values away from the kink at 0
        let x = Tensor(shape: [6], data: [-1, -0.5, -0.2, 0.3, 0.8, 2], requiresGrad: true)
        gradientCheck([x]) { $0[0].relu() }
        gradientCheck([rand([3, 4], scale: 2)]) { $0[0].gelu() }
    }

    func testSoftmaxAndLogSoftmax() {
        gradientCheck([rand([3, 5])]) { $0[0].softmax() }
        gradientCheck([rand([2, 2, 5])]) { $0[0].logSoftmax() }
    }

    func testRMSNorm() {
        let w = Tensor(shape: [4], data: [1, 0.5, -1.2, 2], requiresGrad: true)
        gradientCheck([rand([3, 4]), w]) { $0[0].rmsNorm(weight: $0[1], epsilon: 1e-6) }
    }

    func testEmbeddingGatherScatter() {
        gradientCheck([rand([5, 3])]) { $0[0].gatherRows([1, 4, 1, 0], shape: [2, 2]) }
    }

    func testShapes() {
        gradientCheck([rand([2, 3, 4])]) { $0[0].permuted([2, 0, 1]) }
        gradientCheck([rand([2, 3]), rand([2, 2])]) { Tensor.concat([$0[0], $0[1]], axis: 1) }
        gradientCheck([rand([2, 5, 3])]) { $0[0].slice(axis: 1, 1..<4) }
        gradientCheck([rand([4, 3])]) { x in
            let parts = x[0].split(axis: 0, sizes: [1, 3])
            return parts[0].scaled(2) + parts[1].sum(axis: 0, keepDims: true)
        }
        gradientCheck([rand([2, 6])]) { $0[0].reshaped([3, -1]).scaled(1.5) }
    }

    func testMaskedFillAndAttentionBias() {
        gradientCheck([rand([2, 3])]) { $0[0].maskedFill([true, false, false, true, false, true], value: -5) }
        let pos = rand([2, 3, 3])
        let mask: [Float] = [1, 1, 0, 1, 1, 1]
        gradientCheck([rand([2, 2, 3, 3]), pos]) {
            $0[0].addingAttentionBias(position: $0[1], keyMask: mask, causal: true).softmax()
        }
    }

    func testCrossEntropyIgnoresPaddingAndSmooths() {
        gradientCheck([rand([4, 6])]) { $0[0].crossEntropy(targets: [1, -100, 5, 0]) }
        gradientCheck([rand([3, 6])]) { $0[0].crossEntropy(targets: [2, 3, -100], labelSmoothing: 0.1) }
    }

    func testSoftEmbeddingFlowsIntoProbabilities() {
        // probabilities produced by a softmax (as the ID generator's), times an embedding table
        gradientCheck([rand([3, 5]), rand([5, 4])]) { $0[0].softmax().softEmbedding(table: $0[1]) }
    }

    func testDropoutUsesSameMaskInBackward() {
        let x = rand([50])
        gradientCheck([x]) { inputs in
            var r = SplitMix64(seed: 3)  // same mask on every evaluation
            return inputs[0].dropout(0.3, training: true, rng: &r)
        }
    }
}
