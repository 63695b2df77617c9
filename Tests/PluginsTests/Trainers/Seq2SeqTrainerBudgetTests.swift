import XCTest
import Foundation
import IDGenPlugins

/// A time limit sizes the schedule (`Seq2SeqTrainer+Budget.swift`). No timing threshold here: the tests check
/// what does not depend on the machine's speed — measuring the pace leaves the training bit-identical, a
/// short limit plans fewer steps than the epochs and anneals over them, and a resume keeps the plan.
final class Seq2SeqTrainerBudgetTests: XCTestCase {
    let helper = TinySeq2Seq.self

    func config(epochs: Double, minutes: Double) -> Seq2SeqTrainer.Config {
        var c = Seq2SeqTrainer.Config()
        c.length.epochs = epochs; c.length.maxMinutes = minutes
        c.batchSize = 4; c.learningRate = 1e-2; c.cadence.logEvery = 1
        return c
    }

    func testMeasuringThePaceLeavesTheTrainingBitIdentical() throws {
        let plain = helper.model(), timed = helper.model()
        let a = Seq2SeqTrainer(config: config(epochs: 2, minutes: 0), phase: "recommender")
        try a.train(model: plain, pairs: helper.pairs(), seed: 3)
        // A limit far beyond the epochs: the pace is measured, the plan stays the epochs'.
        let b = Seq2SeqTrainer(config: config(epochs: 2, minutes: 10_000), phase: "recommender")
        try b.train(model: timed, pairs: helper.pairs(), seed: 3)
        XCTAssertEqual(a.stepsPlanned, 16)
        XCTAssertEqual(b.stepsPlanned, a.stepsPlanned)
        XCTAssertEqual(b.stepsDone, a.stepsDone)
        for (p, q) in zip(plain.parameters, timed.parameters) { XCTAssertEqual(p.data, q.data) }
        XCTAssertEqual(a.curve.map(\.loss), b.curve.map(\.loss))
    }

    func testAShortLimitPlansFewerStepsAndAnnealsOverThem() throws {
        // 100,000 epochs cannot fit in 1.2 seconds on any machine: the plan is what fits, and the learning
        // rate falls to (near) zero at its end instead of being cut near its peak.
        let t = Seq2SeqTrainer(config: config(epochs: 100_000, minutes: 0.02), phase: "recommender")
        try t.train(model: helper.model(), pairs: helper.pairs(), seed: 3)
        XCTAssertLessThan(t.stepsPlanned, 800_000)
        XCTAssertGreaterThanOrEqual(t.stepsPlanned, 1)
        XCTAssertLessThanOrEqual(t.stepsDone, t.stepsPlanned)
        let schedule = LearningRateSchedule(warmupSteps: Int(Double(t.stepsPlanned) * 0.05), totalSteps: t.stepsPlanned)
        XCTAssertEqual(schedule.factor(step: t.stepsPlanned), 0, "the schedule ends at the planned step")
        if t.stepsDone == t.stepsPlanned, let last = t.curve.last {
            XCTAssertLessThan(last.learningRate, 1e-2 * 0.05 + 1e-2 / Float(max(t.stepsPlanned - 1, 1)) + 1e-6, "annealed by its end")
        }
    }

    func testAResumedRunKeepsItsPlannedLength() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        var c = config(epochs: 3, minutes: 10_000)
        c.cadence.checkpointEvery = 4
        let first = Seq2SeqTrainer(config: c, phase: "recommender")
        first.checkpointDirectory = dir
        first.stopAfterStep = 8
        try first.train(model: helper.model(), pairs: helper.pairs(), seed: 3)
        let state = try JSONValue.parse(contentsOf: dir.appendingPathComponent("state.json"))
        XCTAssertEqual(state["steps_planned"]?.intValue, 24)
        // The state says 24 planned steps; a resumed run keeps them even when its own epochs would plan more.
        var longer = c
        longer.length.epochs = 30
        let again = Seq2SeqTrainer(config: longer, phase: "recommender")
        again.checkpointDirectory = dir
        again.resume = true
        try again.train(model: helper.model(), pairs: helper.pairs(), seed: 3)
        XCTAssertEqual(again.stepsPlanned, 24)
        XCTAssertEqual(again.stepsDone, 24)
    }
}
