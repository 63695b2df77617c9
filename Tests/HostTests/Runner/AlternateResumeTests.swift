import XCTest
import Foundation
import IDGenHost

/// Alternate training stopped at a phase end (as a kill right after that checkpoint would) and resumed with
/// `resume` reaches exactly the uninterrupted run: same metrics, same final item and user IDs, same history.
final class AlternateResumeTests: XCTestCase {
    func experiment(_ dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("alternate.json")
        try Fixtures.write("""
        {"seed": 5, "output_dir": "out",
         "dataset": {"component": "synthetic", "users": 80, "items": 50},
         "split": {"component": "leave-one-out", "max_history": 6},
         "prompt": {"component": "template-file", "templates": [{"input": "user {user_id} ; history: {history}", "output": "{target}"}]},
         "item_ids": {"component": "textual", "pretrain_epochs": 3, "length_levels": 1},
         "user_ids": {"component": "textual", "max_items": 4, "length_levels": 1},
         "tokenizer": {"component": "unigram", "vocab_size": 400},
         "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "alternate", "rounds": 2, "rec_epochs": 1, "id_epochs": 0.5, "max_id_tokens": 4,
                     "checkpoint_every": 5, "id_phase_eval_samples": 16},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5", "ndcg@5"], "reporters": ["json"]}
        """, to: url)
        return url
    }

    /// Runs the experiment; returns the training phases that reported progress, in order of first report.
    @discardableResult
    func run(_ url: URL, output: URL, resume: Bool = false, force: Bool = false, stopAfterPhase: Int? = nil, sets: [String] = []) throws -> [String] {
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        let e = try ExperimentValidator(registry: registry).load(url, overrides: ["output_dir=\(output.path)"] + sets)
        var phases: [String] = []
        let runner = ExperimentRunner(experiment: e, registry: registry, progress: { p in
            if p.phase.contains("round"), !phases.contains(p.phase) { phases.append(p.phase) }
        })
        runner.mode = resume ? .resume : force ? .force : .fresh
        runner.stopAfterPhase = stopAfterPhase
        try runner.run()
        return phases
    }

    func files(_ folder: URL) throws -> [String] {
        try ["metrics.json", "id_map.tsv", "user_id_map.tsv", "id_history.tsv"].map {
            try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }

    func testStoppedAtAPhaseEndThenResumedMatchesTheUninterruptedRun() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let whole = dir.appendingPathComponent("whole")
        try run(exp, output: whole)
        let reference = try files(whole)
        XCTAssertTrue(reference[3].contains("\n2\t"), "two rounds of ID regeneration happened: \(reference[3])")
        // Phases: 0 ID round 1, 1 recommender round 1, 2 ID round 2 (+ regeneration), 3 recommender round 2.
        for stop in [0, 2] {
            let out = dir.appendingPathComponent("stopped-\(stop)")
            XCTAssertThrowsError(try run(exp, output: out, stopAfterPhase: stop)) {
                XCTAssertTrue("\($0)".contains("stopped after phase \(stop)"), "\($0)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("metrics.json").path))
            let phases = try run(exp, output: out, resume: true)
            // Only what came after the checkpoint ran again.
            let expected = ["id-generator-round1", "recommender-round1", "id-generator-round2", "recommender-round2"]
            XCTAssertEqual(phases, Array(expected.dropFirst(stop + 1)))
            let resumed = try files(out)
            for (name, (a, b)) in zip(["metrics", "id map", "user id map", "id history"], zip(resumed, reference)) {
                XCTAssertEqual(a, b, "\(name) after stopping at phase \(stop)")
            }
        }
    }

    func testAFreshStartLeavesNoStaleStateToResume() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let clean = dir.appendingPathComponent("clean"), reused = dir.appendingPathComponent("reused")
        try run(exp, output: clean)
        // The folder first holds a finished run of another experiment (another recommender learning rate)…
        try run(exp, output: reused, sets: ["trainer.recommender_learning_rate=0.02"])
        // …then this experiment replaces it (--force), is stopped after its first phase and resumed: none of the
        // other run's recommender checkpoints may be picked up.
        XCTAssertThrowsError(try run(exp, output: reused, force: true, stopAfterPhase: 0))
        try run(exp, output: reused, resume: true)
        XCTAssertEqual(try files(reused), try files(clean))
    }

    func testResumingWithAnotherScheduleIsRefusedNamingTheKey() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let out = dir.appendingPathComponent("out")
        XCTAssertThrowsError(try run(exp, output: out, stopAfterPhase: 2))
        // One round has two phases: phase 2 is not part of it.
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        let e = try ExperimentValidator(registry: registry).load(exp, overrides: ["output_dir=\(out.path)", "trainer.rounds=1"])
        let runner = ExperimentRunner(experiment: e, registry: registry)
        runner.mode = .resume
        XCTAssertThrowsError(try runner.run()) {
            XCTAssertEqual(($0 as? RunFolderError)?.reason, .changedSettings, "\($0)")
            XCTAssertTrue("\($0)".contains("alternate.json") && "\($0)".contains("trainer.rounds: 2 → 1"), "\($0)")
        }
    }
}
