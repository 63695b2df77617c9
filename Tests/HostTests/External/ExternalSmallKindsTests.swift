import XCTest
import Foundation
import IDGenHost

/// The kinds besides item-ids that external plugins serve (user-ids, metric, prompt, reporter), through the
/// real subprocess bridge, each adapted to its Kernel protocol — and a whole run that uses all four.
final class ExternalSmallKindsTests: XCTestCase {
    func registry() throws -> (ComponentRegistry, URL) {
        try Fixtures.requirePython()
        let dir = try Fixtures.scratch()
        let script = Fixtures.url("plugins/small_kinds.py").path
        let entries = [("last-item-user", "user-ids"), ("top1", "metric"), ("arrow-prompt", "prompt"), ("note-reporter", "reporter")]
            .map { #"{"name": "\#($0.0)", "kind": "\#($0.1)", "summary": "test", "command": ["python3", "\#(script)"]}"# }
        let manifest = dir.appendingPathComponent("plugins.json")
        try Fixtures.write(#"{"plugins": [\#(entries.joined(separator: ", "))]}"#, to: manifest)
        return (try ComponentRegistry.load(extra: [manifest], root: nil), dir)
    }

    func testEachKindThroughItsProtocol() throws {
        let (r, dir) = try registry()
        let users = try r.make(UserIDStrategy.self, .userIDs, "last-item-user")
        XCTAssertEqual(try users.userID(UserIDInput(userIndex: 3, visibleItems: [0, 2], itemIDs: ["a", "b", "c"])), "after c")
        let metric = try r.make(Metric.self, .metric, "top1")
        XCTAssertEqual(metric.name, "top1")
        XCTAssertEqual(metric.aggregate(ranked: [[4, 1], [2, 4], [4]], targets: [4, 4, 5], catalogSize: 10), 1.0 / 3.0, accuracy: 1e-12)
        let prompts = try r.make(PromptFormat.self, .prompt, "arrow-prompt")
        let pair = try prompts.prompt(for: Sample(user: 0, history: [0, 1], target: 2, position: 2), index: 0,
                                      itemIDs: ["a", "b", "c"], userID: "u", dataset: "d")
        XCTAssertEqual(pair, PromptPair(input: "u: a -> b", output: "c"))
        let reporter = try r.make(RunReporter.self, .reporter, "note-reporter")
        let summary = RunSummary(experiment: "e", dataset: "d", itemIDs: "keyword", metrics: [("hr@5", 0.25)], users: 4,
                                 trainingSeconds: 1, samplesPerSecond: 1, decodeMillisecondsPerUser: 1, idReport: [], notes: [])
        XCTAssertEqual(try reporter.report(summary, to: dir), "note written")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("note.txt"), encoding: .utf8), "keyword hr@5=0.2500\n")
    }

    func testARunUsesAllFourExternalKinds() throws {
        let (r, dir) = try registry()
        let exp = dir.appendingPathComponent("e.json")
        try Fixtures.write("""
        {"seed": 3, "output_dir": "\(dir.appendingPathComponent("run").path)",
         "dataset": {"component": "synthetic", "users": 60, "items": 40}, "item_ids": "keyword",
         "user_ids": "last-item-user", "prompt": "arrow-prompt",
         "tokenizer": {"component": "unigram", "vocab_size": 300}, "model": "t5",
         "trainer": {"component": "recommender", "max_steps": 5, "validation_samples": 0},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5", "top1"], "reporters": ["json", "note-reporter"]}
        """, to: exp)
        let e = try ExperimentValidator(registry: r).load(exp)
        let summary = try ExperimentRunner(experiment: e, registry: r).run()
        XCTAssertEqual(summary.metrics.map(\.name), ["hr@5", "top1"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("run/note.txt").path))
    }
}
