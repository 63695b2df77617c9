import XCTest
import Foundation
import IDGenHost
import IDGenKernel

/// The experiment's `"evaluation": {"exclude_history": true}` (also `--set evaluation.exclude_history=true`):
/// no test user's list holds an item of their history, while the default (the reference's protocol) lets
/// them through; the setting is recorded in the run's config.json and a bad value is a validation problem.
final class ExcludeHistoryTests: XCTestCase {
    func experiment(_ dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("exclude.json")
        try Fixtures.write("""
        {"seed": 3, "output_dir": "out", "dataset": {"component": "synthetic", "users": 100, "items": 30},
         "split": {"component": "leave-one-out", "max_history": 8}, "item_ids": "keyword",
         "prompt": {"component": "template-file", "templates": [{"input": "history: {history}", "output": "{target}"}]},
         "tokenizer": {"component": "unigram", "vocab_size": 300}, "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "recommender", "max_steps": 10, "batch_size": 16, "validation_samples": 0},
         "decoder": {"component": "trie-beam", "beams": 10, "k": 10}, "metrics": ["hr@10"], "reporters": ["json"]}
        """, to: url)
        return url
    }

    /// Per test user (file order): the raw item ids of the returned list.
    static func lists(_ folder: URL) throws -> [[String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent("per_user.csv"), encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let columns = header.indices.filter { header[$0].hasPrefix("item_") }
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return columns.map { fields[$0] }.filter { !$0.isEmpty }
        }
    }

    func testExcludedHistoryNeverComesBackAndTheDefaultLetsItThrough() throws {
        let dir = try Fixtures.scratch()
        let url = try experiment(dir)
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        var seen: [[String]] = [], results: [Bool: [[String]]] = [:]
        for exclude in [false, true] {
            let out = dir.appendingPathComponent(exclude ? "excluded" : "default")
            let e = try ExperimentValidator(registry: registry).load(url, overrides: [
                "output_dir=\(out.path)", "evaluation.exclude_history=\(exclude)", "evaluation.batch_size=7"])
            XCTAssertEqual(e.evaluation.excludeHistory, exclude)
            XCTAssertEqual(e.evaluation.batchSize, 7)
            let runner = ExperimentRunner(experiment: e, registry: registry)
            let (data, split, _) = try runner.prepareData()
            seen = split.test.map { $0.history.map { data.items[$0].rawID } }
            try runner.run()
            results[exclude] = try Self.lists(out)
            let config = try JSONValue.parse(contentsOf: out.appendingPathComponent("config.json"))
            XCTAssertEqual(config["evaluation"]?["exclude_history"], .bool(exclude))
        }
        let excluded = results[true]!, plain = results[false]!
        XCTAssertEqual(excluded.count, seen.count)
        for (list, history) in zip(excluded, seen) {
            XCTAssertEqual(list.count, 10, "still k items")
            XCTAssertTrue(Set(list).isDisjoint(with: history), "a history item was recommended: \(list) vs \(history)")
        }
        let leaks = zip(plain, seen).filter { !Set($0).isDisjoint(with: $1) }.count
        XCTAssertGreaterThan(leaks, 0, "without exclusion some list should hold a history item (else this test proves nothing)")
    }

    func testBadEvaluationSettingsAreValidationProblems() throws {
        let dir = try Fixtures.scratch()
        let url = try experiment(dir)
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        for (set, key) in [("evaluation.batch_size=0", "evaluation.batch_size"), ("evaluation.exclude=true", "evaluation.exclude"),
                           ("evaluation.exclude_history=3", "evaluation.exclude_history")] {
            XCTAssertThrowsError(try ExperimentValidator(registry: registry).load(url, overrides: [set]), set) { error in
                XCTAssertTrue("\(error)".contains(key), "\(set): \(error)")
            }
        }
    }
}
