import XCTest
import IDGenKernel

/// The fused attention op (Tensor+Attention.swift): gradients against finite differences, with and without
/// dropout (the same seed gives the same mask for every evaluation); without dropout, the same values as the
/// composed ops it replaced (head split, batched products, bias, softmax, head merge); with dropout, the
/// same numbers on 1 and 2 workers; without a tape, the same values as with one.
final class AttentionTests: XCTestCase {
    func rand(_ shape: [Int], seed: UInt64) -> Tensor {
        var rng = SplitMix64(seed: seed)
        return Tensor.normal(shape, std: 0.7, rng: &rng, requiresGrad: true)
    }

    /// b = 2, t = 3, s = 5, h = 2, d_kv = 2 (HK = 4); key 3 of batch row 1 is padding.
    let mask: [Float] = [1, 1, 1, 1, 1, 1, 1, 1, 0, 1]

    func testGradientsAgainstFiniteDifferences() {
        for (causal, p) in [(false, Float(0)), (true, Float(0)), (false, Float(0.3))] {
            let inputs = [rand([2, 3, 4], seed: 1), rand([2, 5, 4], seed: 2), rand([2, 5, 4], seed: 3), rand([2, 3, 5], seed: 4)]
            gradientCheck(inputs) { x in
                var rng = SplitMix64(seed: 11)                  // the same mask at every evaluation
                return Tensor.attention(q: x[0], k: x[1], v: x[2], heads: 2, position: x[3], keyMask: self.mask,
                                        causal: causal, dropout: p, training: true, rng: &rng)
            }
        }
    }

    func testSameValuesAsTheComposedOps() {
        let q = rand([2, 3, 4], seed: 1), k = rand([2, 5, 4], seed: 2), v = rand([2, 5, 4], seed: 3), pos = rand([2, 3, 5], seed: 4)
        func split(_ x: Tensor) -> Tensor {
            x.reshaped([2, x.shape[1], 2, 2]).permuted([0, 2, 1, 3]).reshaped([4, x.shape[1], 2])
        }
        let scores = split(q).batchedMatmul(split(k), transposeB: true).reshaped([2, 2, 3, 5])
            .addingAttentionBias(position: pos, keyMask: mask, causal: true).softmax().reshaped([4, 3, 5])
        let composed = scores.batchedMatmul(split(v)).reshaped([2, 2, 3, 2]).permuted([0, 2, 1, 3]).reshaped([2, 3, 4])
        var rng = SplitMix64(seed: 1)
        let fused = Tensor.attention(q: q, k: k, v: v, heads: 2, position: pos, keyMask: mask, causal: true,
                                     dropout: 0.1, training: false, rng: &rng)
        XCTAssertEqual(fused.data, composed.data)
        XCTAssertEqual(rng, SplitMix64(seed: 1), "no draw without dropout")
        var w = SplitMix64(seed: 5)
        let seed = (0..<24).map { _ in w.nextNormal() }
        composed.backward(seed: seed)
        let want = [q, k, v, pos].map { $0.grad! }
        for x in [q, k, v, pos] { x.zeroGrad() }
        fused.backward(seed: seed)
        for (x, g) in zip([q, k, v, pos], want) {
            for (a, b) in zip(x.grad!, g) { XCTAssertEqual(a, b, accuracy: 1e-6) }
        }
    }

    /// Without a tape (inference) P is normalized in a scratch buffer instead of being kept: same values.
    func testInferenceEqualsTheRecordedForward() {
        for (mask, causal) in [(Optional(mask), true), (nil, false)] {
            let q = rand([2, 3, 4], seed: 1), k = rand([2, 5, 4], seed: 2), v = rand([2, 5, 4], seed: 3), pos = rand([2, 3, 5], seed: 4)
            var rng = SplitMix64(seed: 1)
            let recorded = Tensor.attention(q: q, k: k, v: v, heads: 2, position: pos, keyMask: mask, causal: causal,
                                            dropout: 0, training: false, rng: &rng)
            let inferred = Tape.withoutGradients {
                Tensor.attention(q: q, k: k, v: v, heads: 2, position: pos, keyMask: mask, causal: causal,
                                 dropout: 0, training: false, rng: &rng)
            }
            XCTAssertTrue(recorded.requiresGrad)
            XCTAssertFalse(inferred.requiresGrad)
            XCTAssertEqual(inferred.data.map(\.bitPattern), recorded.data.map(\.bitPattern))
        }
    }

    func testDropoutSameOnOneOrTwoWorkers() {
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        var outs: [[Float]] = []
        for workers in [1, 2] {
            Parallel.workers = workers
            let q = rand([8, 16, 64], seed: 1), k = rand([8, 16, 64], seed: 2), v = rand([8, 16, 64], seed: 3)
            var rng = SplitMix64(seed: 9)
            let y = Tensor.attention(q: q, k: k, v: v, heads: 4, position: nil, keyMask: nil, causal: false,
                                     dropout: 0.5, training: true, rng: &rng)
            y.backward(seed: [Float](repeating: 1, count: y.count))
            outs.append(y.data + q.grad! + k.grad! + v.grad!)
        }
        XCTAssertEqual(outs[0], outs[1])
    }
}
