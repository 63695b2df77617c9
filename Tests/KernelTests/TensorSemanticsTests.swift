// Forward values and autograd bookkeeping that a gradient check cannot see.
import XCTest
import IDGenKernel

final class TensorSemanticsTests: XCTestCase {
    func testMatmulValues() {
        let a = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], data: [7, 8, 9, 10, 11, 12])
        XCTAssertEqual(a.matmul(b).data, [58, 64, 139, 154])
        XCTAssertEqual(a.matmul(b.permuted([1, 0]), transposeB: true).data, [58, 64, 139, 154])
    }

    func testGradientsAccumulateUntilZeroed() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        (x * x).sum().backward()
        (x * x).sum().backward()
        XCTAssertEqual(x.grad!, [4, 8])
        x.zeroGrad()
        XCTAssertNil(x.grad)
    }

    func testNoGradModeRecordsNothing() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let y = Tape.withoutGradients { (x * x).sum() }
        XCTAssertFalse(y.requiresGrad)
    }

    func testCrossEntropyIgnoresPaddingInMean() {
        let logits = Tensor(shape: [2, 2], data: [0, 0, 5, -5])
        XCTAssertEqual(logits.crossEntropy(targets: [0, -100]).item, Float(0.6931472), accuracy: 1e-6)
    }

    func testSoftmaxRowsSumToOneAndMaskedRowStaysFinite() {
        let s = Tensor(shape: [1, 1, 1, 3], data: [1, 2, 3]).addingAttentionBias(position: nil, keyMask: [0, 0, 0], causal: false).softmax()
        XCTAssertTrue(s.data.allSatisfy { $0.isFinite })
        XCTAssertEqual(s.data.reduce(0, +), 1, accuracy: 1e-6)
    }

    func testSeededInitIsReproducible() {
        var r1 = SplitMix64(seed: 42), r2 = SplitMix64(seed: 42)
        XCTAssertEqual(Tensor.normal([10], std: 1, rng: &r1).data, Tensor.normal([10], std: 1, rng: &r2).data)
        var r3 = SplitMix64(seed: 1)
        let t = Tensor.truncatedNormal([1000], std: 0.5, rng: &r3)
        XCTAssertTrue(t.data.allSatisfy { abs($0) <= 1.0 })
    }

    func testBatchedMatmulParallelEqualsSerial() {
        var r = SplitMix64(seed: 5)
        let a = Tensor.normal([64, 32, 16], std: 1, rng: &r), b = Tensor.normal([64, 16, 24], std: 1, rng: &r)
        let par = a.batchedMatmul(b)
        let saved = Parallel.workers
        Parallel.workers = 1
        let ser = a.batchedMatmul(b)
        Parallel.workers = saved
        XCTAssertEqual(par.data, ser.data)
    }
}
