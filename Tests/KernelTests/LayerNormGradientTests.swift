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

    func testLayerNormGradientsForInputWeightAndBias() {
        let w = Tensor(shape: [4], data: [1.2, -0.7, 0.9, 1.5], requiresGrad: true)
        let b = Tensor(shape: [4], data: [0.1, -0.2, 0.3, 0.0], requiresGrad: true)
        gradientCheck([rand([3, 4]), w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2], epsilon: 1e-5) }
        gradientCheck([rand([2, 3, 4], scale: 3), w, b]) { $0[0].layerNorm(weight: $0[1], bias: $0[2]) }
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
