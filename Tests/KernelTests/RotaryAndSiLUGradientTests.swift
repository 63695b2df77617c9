// Finite-difference checks of the ops the causal (Llama) model added — SiLU, the SwiGLU gate and the rotary
// position embedding — with the shared `gradientCheck` (GradientChecker.swift; how to add an op: see the top
// of GradientCheckTests.swift). Plus the rotary op's forward against HF's formula written out by hand.
import XCTest
import IDGenKernel

final class RotaryAndSiLUGradientTests: XCTestCase {
    var rng = SplitMix64(seed: 11)

    func rand(_ shape: [Int], scale: Float = 1) -> Tensor {
        Tensor.normal(shape, std: scale, rng: &rng, requiresGrad: true)
    }

    func testSiLU() {
        gradientCheck([rand([3, 5], scale: 2)]) { $0[0].silu() }
    }

    /// σ comes from the vector exponential of −|x|: no overflow at either end, values as x/(1+e^(−x)).
    func testSiLUValuesAcrossTheRange() {
        let xs: [Float] = [-120, -88, -30, -3, -0.5, 0, 0.5, 3, 30, 88, 120] + (0..<37).map { Float($0) / 4 - 4 }
        let y = Tape.withoutGradients { Tensor(shape: [xs.count], data: xs).silu() }.data
        for (x, v) in zip(xs, y) {
            let expect = Double(x) / (1 + exp(-Double(x)))
            XCTAssertEqual(Double(v), expect, accuracy: 1e-6 + 1e-6 * abs(expect), "silu(\(x))")
        }
    }

    func testSwiGLUBothInputs() {
        gradientCheck([rand([2, 3, 4], scale: 2), rand([2, 3, 4])]) { $0[0].swiGLU($0[1]) }
    }

    func testRotaryWithScale() {
        let table = RotaryTable(headDim: 4, theta: 10_000, positions: 5)
        gradientCheck([rand([2, 5, 8])]) { $0[0].rotary(table, heads: 2) }
        gradientCheck([rand([1, 3, 8])]) { $0[0].rotary(table, heads: 2, scale: 0.5) }
    }

    /// y = x·cos + rotate_half(x)·sin per head (HF `apply_rotary_pos_emb`), rotate_half(x) = cat(−x₂, x₁).
    func testRotaryMatchesHFFormula() {
        let k = 6, h = 2, l = 4, theta = 500.0
        let table = RotaryTable(headDim: k, theta: theta, positions: l)
        let x = rand([1, l, h * k])
        let y = Tape.withoutGradients { x.rotary(table, heads: h) }
        for t in 0..<l {
            for hi in 0..<h {
                for i in 0..<k {
                    let pair = i % (k / 2)
                    let angle = Double(t) / pow(theta, Double(2 * pair) / Double(k))
                    let xi = Double(x.data[t * h * k + hi * k + i])
                    let other = Double(x.data[t * h * k + hi * k + (i + k / 2) % k])
                    let rotated = i < k / 2 ? -other : other
                    let expect = xi * cos(angle) + rotated * sin(angle)
                    XCTAssertEqual(Double(y.data[t * h * k + hi * k + i]), expect, accuracy: 1e-5, "t \(t) head \(hi) i \(i)")
                }
            }
        }
    }
}
