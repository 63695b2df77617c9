import XCTest
import IDGenKernel

/// The trainers' sharded step: without dropout it computes the same loss and gradients as one
/// `loss` + `backward` over the whole batch (up to float summation order); with dropout its numbers are the
/// same on one worker or two (the shards run one after the other or side by side); the model's weights are
/// left shared, not copied, and its dropout generator advances by one draw per step.
final class T5ShardedTrainingTests: XCTestCase {
    static func batch(_ config: T5Config) -> T5Batch {
        var rng = SplitMix64(seed: 5)
        func tokens(_ n: Int) -> [Int] { (0..<n).map { _ in 2 + Int(rng.next() % UInt64(config.vocabSize - 2)) } }
        // Uneven lengths: padding in sources and targets, and an odd batch (shards of 2 and 3 rows).
        let sources = [12, 9, 12, 5, 7].map(tokens), targets = [4, 3, 1, 4, 2].map(tokens)
        return T5Batch.make(sources: sources, targets: targets, padID: config.padTokenID, startID: config.decoderStartTokenID)
    }

    func testMatchesTheUnshardedStepWithoutDropout() throws {
        var config = try T5Config.preset("cpu-tiny")
        config.dropoutRate = 0
        let batch = Self.batch(config)
        let plain = T5Model(config: config, seed: 3), sharded = T5Model(config: config, seed: 3)
        plain.training = true
        sharded.training = true
        let loss = plain.loss(batch)
        loss.backward()
        let shardedLoss = T5ShardedTraining(model: sharded).lossAndGradients(batch)
        XCTAssertEqual(shardedLoss, loss.item, accuracy: 1e-5 * abs(loss.item))
        for ((name, p), (_, q)) in zip(plain.namedParameters, sharded.namedParameters) {
            let g = p.grad ?? [], h = q.grad ?? []
            XCTAssertEqual(g.count, h.count, name)
            let scale = max(g.map { abs($0) }.max() ?? 0, 1e-6)
            let worst = zip(g, h).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(worst, 1e-4 * scale, "\(name): gradient differs by \(worst) (largest \(scale))")
        }
    }

    func testSameNumbersOnOneOrTwoWorkers() throws {
        var config = try T5Config.preset("cpu-tiny")
        config.dropoutRate = 0.1
        let batch = Self.batch(config)
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        var runs: [(Float, [[Float]], SplitMix64)] = []
        for workers in [1, 2] {
            Parallel.workers = workers
            let model = T5Model(config: config, seed: 3)
            model.training = true
            let step = T5ShardedTraining(model: model)
            var losses: [Float] = []
            for _ in 0..<2 {                                   // the replica is re-synced for the second step
                model.zeroGrad()
                losses.append(step.lossAndGradients(batch))
            }
            XCTAssertNotEqual(losses[0], losses[1], "the second step draws new dropout masks")
            runs.append((losses[1], model.parameters.map { $0.grad ?? [] }, model.dropoutRNG))
        }
        XCTAssertEqual(runs[0].0, runs[1].0)
        XCTAssertEqual(runs[0].1, runs[1].1, "gradients identical on 1 and 2 workers")
        var expected = SplitMix64(seed: 3).derived("t5-dropout")
        _ = expected.next(); _ = expected.next()
        XCTAssertEqual(runs[0].2, expected, "one draw of the model's dropout generator per step")
    }
}
