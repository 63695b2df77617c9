import XCTest
import IDGenPlugins

/// The learning-rate plan: HF's linear warm-up/decay as first laid out, and a re-plan that keeps the rate
/// continuous and still ends at zero.
final class StepPlanTests: XCTestCase {
    func testAsFirstLaidOutItIsTheLinearScheduleWithWarmUp() {
        let plan = StepPlan(total: 200, warmupRatio: 0.05)
        let schedule = LearningRateSchedule(warmupSteps: 10, totalSteps: 200)
        for step in 0...200 { XCTAssertEqual(plan.factor(step: step), schedule.factor(step: step)) }
    }

    func testAReplanIsContinuousAndEndsAtZero() {
        var shorter = StepPlan(total: 1000, warmupRatio: 0.05)
        let before = shorter.factor(step: 400)
        shorter.replan(at: 400, total: 600)
        XCTAssertEqual(shorter.total, 600)
        XCTAssertEqual(shorter.factor(step: 400), before, accuracy: 1e-7)
        XCTAssertEqual(shorter.factor(step: 500), before / 2, accuracy: 1e-6)
        XCTAssertEqual(shorter.factor(step: 600), 0)
        XCTAssertEqual(shorter.factor(step: 399), LearningRateSchedule(warmupSteps: 50, totalSteps: 1000).factor(step: 399))
        var longer = StepPlan(total: 1000, warmupRatio: 0.05)
        longer.replan(at: 800, total: 1400)
        XCTAssertEqual(longer.factor(step: 800), LearningRateSchedule(warmupSteps: 50, totalSteps: 1000).factor(step: 800), accuracy: 1e-7)
        XCTAssertGreaterThan(longer.factor(step: 1000), 0, "more time: the decay stretches to the new end")
        XCTAssertEqual(longer.factor(step: 1400), 0)
    }

    func testAReplanNeverCutsTheWarmUp() {
        var plan = StepPlan(total: 1000, warmupRatio: 0.05)
        plan.replan(at: 20, total: 300)
        XCTAssertEqual(plan.total, 1000)
        XCTAssertNil(plan.replanStep)
    }
}
