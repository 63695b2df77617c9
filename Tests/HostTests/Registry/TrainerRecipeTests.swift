import XCTest
import IDGenHost

// The "add a trainer" recipe of Sources/Plugins/README.md, verbatim: the test below fails if the README's
// code and this file drift apart. The trainer is real: a run trains with it from an experiment file.

/// A fixed number of optimizer steps, whatever the data size (the experiment's budget still caps it).
public final class FixedStepsTrainer: Trainer {
    public struct Config: ComponentConfig, Equatable {
        public var steps = 100
        public var learningRate: Float = 1e-3
        public init() {}
        public func validate() -> [ConfigProblem] {
            steps >= 1 ? [] : [ConfigProblem(key: "steps", message: "must be ≥ 1, got \(steps)")]
        }
    }

    public let config: Config
    public init(config: Config) { self.config = config }

    public func train(_ session: TrainingSession) throws -> TrainingOutcome {
        var engine = Seq2SeqTrainer.Config()           // the teacher-forced prompt → ID engine
        engine.length = TrainingLength(epochs: Double(config.steps))   // an epoch has at least one step
        engine.length.maxSteps = config.steps
        engine.length = engine.length.limited(by: session.budget)
        engine.learningRate = config.learningRate
        let trainer = Seq2SeqTrainer(config: engine, phase: "fixed-steps")
        try trainer.train(model: session.recommender, pairs: session.recommender.trainingPairs(session.run), seed: session.seed,
                          progress: session.progress)
        let seconds = max(trainer.trainingSeconds, 1e-9)
        return TrainingOutcome(seconds: seconds, samplesPerSecond: Double(trainer.stepsDone * engine.batchSize) / seconds,
                               stepsDone: trainer.stepsDone, stepsPlanned: trainer.stepsPlanned, files: [("curves.csv", trainer.curveCSV)])
    }
}

let builtinFixedSteps: [ComponentRegistration] = [
    .init(kind: .trainer, name: "fixed-steps", summary: "a fixed number of optimizer steps", config: FixedStepsTrainer.Config.self) { FixedStepsTrainer(config: $0) },
]

final class TrainerRecipeTests: XCTestCase {
    func experiment(_ dir: URL, steps: Int) throws -> URL {
        let url = dir.appendingPathComponent("fixed.json")
        try Fixtures.write("""
        {"seed": 5, "output_dir": "out", "dataset": {"component": "synthetic", "users": 60, "items": 30},
         "split": {"component": "leave-one-out", "max_history": 6}, "item_ids": "keyword",
         "tokenizer": {"component": "unigram", "vocab_size": 400}, "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "fixed-steps", "steps": \(steps), "learning_rate": 0.003},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5}, "metrics": ["hr@5"], "reporters": ["json"]}
        """, to: url)
        return url
    }

    func testRecipeTrainerRunsFromAnExperimentAndTakesItsSteps() throws {
        let dir = try Fixtures.scratch()
        let registry = try ComponentRegistry(registrations: BuiltinComponents.all + builtinFixedSteps)
        XCTAssertTrue(try registry.entry(.trainer, "fixed-steps").provides.contains(.trainsRecommender), "conforming to Trainer is enough")
        let e = try ExperimentValidator(registry: registry).load(try experiment(dir, steps: 4), overrides: ["output_dir=\(dir.path)/out"])
        let summary = try ExperimentRunner(experiment: e, registry: registry).run()
        XCTAssertEqual(summary.metrics.map(\.name), ["hr@5"])
        let curve = try String(contentsOf: dir.appendingPathComponent("out/curves.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(curve.last?.split(separator: ",").prefix(2).joined(separator: ","), "fixed-steps,4", "\(curve)")
        let record = try JSONValue.parse(contentsOf: dir.appendingPathComponent("out/run.json"))["training"]
        XCTAssertEqual(record?["steps_planned"]?.intValue, 4)
        XCTAssertEqual(record?["steps_done"]?.intValue, 4)
        // The experiment's budget caps it, as every trainer's.
        let capped = try ExperimentValidator(registry: registry).load(try experiment(dir, steps: 4), overrides: ["budget.steps=2", "output_dir=\(dir.path)/capped"])
        try ExperimentRunner(experiment: capped, registry: registry).run()
        let cappedCurve = try String(contentsOf: dir.appendingPathComponent("capped/curves.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(cappedCurve.last?.split(separator: ",").prefix(2).joined(separator: ","), "fixed-steps,2", "\(cappedCurve)")
    }

    func testRecipeTrainerRefusesABadValueAtValidation() throws {
        let dir = try Fixtures.scratch()
        let registry = try ComponentRegistry(registrations: BuiltinComponents.all + builtinFixedSteps)
        XCTAssertThrowsError(try ExperimentValidator(registry: registry).load(try experiment(dir, steps: 0))) { error in
            XCTAssertTrue("\(error)".contains("trainer 'fixed-steps': key 'steps': must be ≥ 1, got 0"), "\(error)")
        }
    }

    func testReadmeTrainerRecipeIsThisFile() throws {
        let readme = try ReadmeRecipes.load()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        XCTAssertTrue(source.contains(try XCTUnwrap(readme["trainer"])), "README's trainer recipe differs from TrainerRecipeTests.swift")
        let line = try XCTUnwrap(readme["trainer-registration"]).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(source.contains(line), "README's trainer registration line differs from TrainerRecipeTests.swift")
    }
}
