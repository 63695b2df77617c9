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
}
