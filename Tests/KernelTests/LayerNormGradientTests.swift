// Gradient check of the standard layer norm (Sources/Kernel/Ops/Tensor+LayerNorm.swift), same method and
// tolerance as GradientCheckTests: loss = Σ w·y with fixed random w, central differences with h = 1e-2.
// Plus a forward check against values worked out by hand.
import XCTest
import IDGenKernel

final class LayerNormGradientTests: XCTestCase {
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

    func testLayerNormGradientsForInputWeightAndBias() {
        let w = Tensor(shape: [4], data: [1.2, -0.7, 0.9, 1.5], requiresGrad: true)
        let b = Tensor(shape: [4], data: [0.1, -0.2, 0.3, 0.0], requiresGrad: true)
        check([rand([3, 4]), w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2], epsilon: 1e-5) }
        check([rand([2, 3, 4], scale: 3), w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
    }

    func testLayerNormForwardByHand() {
        // Row [1, 2, 3, 4]: μ = 2.5, variance = (2.25 + 0.25 + 0.25 + 2.25)/4 = 1.25, r = 1/√1.25 = 0.894427
        // x̂ = [-1.341641, -0.447214, 0.447214, 1.341641]; with w = 2, b = 1: y = 2x̂ + 1.
        let x = Tensor(shape: [1, 4], data: [1, 2, 3, 4])
        let y = x.layerNorm(weight: Tensor.filled([4], 2), bias: Tensor.filled([4], 1), epsilon: 0)
        let expected: [Float] = [-1.683282, 0.105573, 1.894427, 3.683282]
        for (a, e) in zip(y.data, expected) { XCTAssertEqual(a, e, accuracy: 1e-5) }
    }
}
