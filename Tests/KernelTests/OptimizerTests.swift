// AdamW, learning-rate schedules and clipping against PyTorch / transformers (reference values written by
// tools/make_adamw_fixture.py into Tests/Fixtures/optim/adamw.safetensors). Tolerance 1e-6 absolute.
import XCTest
import Foundation
import IDGenKernel

final class OptimizerTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/optim/adamw.safetensors")

    func testAdamWTrajectoryMatchesPyTorch() throws {
        let ref = try SafeTensors.read(contentsOf: Self.fixture)
        let w = Tensor(try ref.tensor("initial.w"), requiresGrad: true)
        let b = Tensor(try ref.tensor("initial.b"), requiresGrad: true)
        var c = AdamW.Config()
        c.learningRate = try ref.tensor("hyper.lr").values[0]
        c.beta1 = try ref.tensor("hyper.beta1").values[0]
        c.beta2 = try ref.tensor("hyper.beta2").values[0]
        c.epsilon = try ref.tensor("hyper.eps").values[0]
        c.weightDecay = try ref.tensor("hyper.weight_decay").values[0]
        let opt = AdamW(parameters: [w, b], noDecay: [b], config: c)
        for t in 1...5 {
            w.grad = try ref.tensor("step\(t).grad.w").values
            b.grad = try ref.tensor("step\(t).grad.b").values
            opt.update()
            for (got, want) in zip(w.data + b.data, try ref.tensor("step\(t).param.w").values + ref.tensor("step\(t).param.b").values) {
                XCTAssertEqual(got, want, accuracy: 1e-6, "step \(t)")
            }
        }
    }

    func testSchedulesMatchTransformers() throws {
        let ref = try SafeTensors.read(contentsOf: Self.fixture)
        let base = try ref.tensor("schedule.base_lr").values[0]
        let warm = Int(try ref.tensor("schedule.warmup_steps").values[0])
        let total = Int(try ref.tensor("schedule.total_steps").values[0])
        for (decay, name) in [(LearningRateSchedule.Decay.linear, "schedule.linear"), (.cosine, "schedule.cosine")] {
            let s = LearningRateSchedule(warmupSteps: warm, totalSteps: total, decay: decay)
            for (step, want) in try ref.tensor(name).values.enumerated() {
                XCTAssertEqual(base * s.factor(step: step), want, accuracy: 1e-6, "\(name) step \(step)")
            }
        }
    }

    func testGlobalNormClippingMatchesTorch() throws {
        let ref = try SafeTensors.read(contentsOf: Self.fixture)
        let w = Tensor(try ref.tensor("clip.grad.w")), b = Tensor(try ref.tensor("clip.grad.b"))
        w.grad = w.data
        b.grad = b.data
        let norm = GradientClipping.clip([w, b], maxNorm: try ref.tensor("clip.max_norm").values[0])
        XCTAssertEqual(norm, try ref.tensor("clip.total_norm").values[0], accuracy: 1e-5)
        for (got, want) in zip(w.grad! + b.grad!, try ref.tensor("clip.clipped.w").values + ref.tensor("clip.clipped.b").values) {
            XCTAssertEqual(got, want, accuracy: 1e-6)
        }
    }

    /// Training loops pass the clipping factor to AdamW instead of scaling gradients in place: the same
    /// parameters to the bit, whether the norm is above maxNorm (factor < 1) or not (factor 1), and the
    /// gradients are left as they were. The norm over blocks of 65,536 matches a plain Double sum.
    func testClippingFactorInAdamWEqualsClippingInPlace() {
        for maxNorm: Float in [0.5, 1e6] {
            var rng = SplitMix64(seed: 7)
            let shapes = [[300, 500], [17], [70_000]]       // one tensor spans two norm blocks
            let a = shapes.map { Tensor.normal($0, std: 1, rng: &rng, requiresGrad: true) }
            let b = a.map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
            let grads = shapes.map { s in (0..<s.reduce(1, *)).map { _ in rng.nextNormal() * 0.01 } }
            let optA = AdamW(parameters: a, noDecay: [a[1]]), optB = AdamW(parameters: b, noDecay: [b[1]])
            for _ in 0..<3 {
                for (p, g) in zip(a, grads) { p.grad = g }
                for (p, g) in zip(b, grads) { p.grad = g }
                let inPlace = GradientClipping.clip(a, maxNorm: maxNorm)
                optA.update()
                let (norm, factor) = GradientClipping.scale(b, maxNorm: maxNorm)
                optB.update(gradientScale: factor)
                XCTAssertEqual(norm, inPlace)
                XCTAssertEqual(factor < 1, maxNorm < 1, "max norm \(maxNorm)")
                for (p, g) in zip(b, grads) { XCTAssertEqual(p.grad!, g, "scale leaves gradients untouched") }
                for (pa, pb) in zip(a, b) { XCTAssertEqual(pa.data, pb.data, "max norm \(maxNorm)") }
            }
            var plain: Double = 0
            for g in grads { for x in g { plain += Double(x) * Double(x) } }
            XCTAssertEqual(Double(GradientClipping.scale(b, maxNorm: maxNorm).norm), plain.squareRoot(), accuracy: 1e-6 * plain.squareRoot())
        }
    }
}
