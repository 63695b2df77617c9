import XCTest
import Foundation
import IDGenPlugins

/// A run stopped after a checkpoint and resumed ends with exactly the weights of the uninterrupted run
/// (same batches, same dropout masks, same optimizer moments, same best-weights bookkeeping).
final class Seq2SeqTrainerResumeTests: XCTestCase {
    func model() -> T5Model { TinySeq2Seq.model() }
    func pairs() -> [Seq2SeqPair] { TinySeq2Seq.pairs() }

    func trainer(_ dir: URL) -> Seq2SeqTrainer {
        var c = Seq2SeqTrainer.Config()
        c.length.epochs = 3; c.batchSize = 4; c.learningRate = 1e-2; c.cadence.checkpointEvery = 5; c.cadence.evalEvery = 4; c.cadence.logEvery = 100
        let t = Seq2SeqTrainer(config: c, phase: "recommender")
        t.checkpointDirectory = dir
        return t
    }

    func testStoppedAndResumedRunEqualsUninterruptedRun() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        // The validation score depends only on the weights, so best-weights tracking is exercised too.
        let validate: (any GenerativeModel) -> Double = { m in Double(m.parameters[1].data.prefix(8).reduce(0, +)) }

        let whole = model()
        let uninterrupted = trainer(root.appendingPathComponent("whole"))
        try uninterrupted.train(model: whole, pairs: pairs(), seed: 5, validate: validate)

        let first = model()
        let stopped = trainer(root.appendingPathComponent("split"))
        stopped.stopAfterStep = 10   // mid-epoch (8 batches per epoch)
        try stopped.train(model: first, pairs: pairs(), seed: 5, validate: validate)
        XCTAssertNotEqual(first.parameters.map(\.data), whole.parameters.map(\.data), "the stopped run must not be finished")

        let resumed = model()   // a fresh process: weights come from the checkpoint
        let again = trainer(root.appendingPathComponent("split"))
        again.resume = true
        try again.train(model: resumed, pairs: pairs(), seed: 5, validate: validate)
        XCTAssertEqual(resumed.parameters.map(\.data), whole.parameters.map(\.data))
        XCTAssertEqual(again.bestValidation, uninterrupted.bestValidation)
    }

    func testMismatchedStateIsRefusedWithTheReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("resume-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = trainer(dir)
        t.stopAfterStep = 5
        try t.train(model: model(), pairs: pairs(), seed: 5)
        // A kill between the weights and the state file: the step numbers disagree.
        let state = dir.appendingPathComponent("state.json")
        let text = try String(contentsOf: state, encoding: .utf8).replacingOccurrences(of: "\"step\": 5", with: "\"step\": 6")
        try text.write(to: state, atomically: true, encoding: .utf8)
        let again = trainer(dir)
        again.resume = true
        XCTAssertThrowsError(try again.train(model: model(), pairs: pairs(), seed: 5)) {
            XCTAssertTrue("\($0)".contains("weights.safetensors holds step 5 but state.json says 6"), "\($0)")
        }
    }
}
