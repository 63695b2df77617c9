import Foundation
import XCTest

/// Textual user IDs through the whole CLI: written by the item-ID generator from training-visible items,
/// kept in the run folder, trained through in alternate training; the leaky reproduction option runs but is
/// reported; without a textual item-ID strategy the run is refused before any work.
final class CLITextualUserIDsTests: XCTestCase {
    func scratch() throws -> URL { try CLIRunner.scratch(name) }

    func experiment(in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("users.json")
        try """
        {"seed": 7, "output_dir": "\(dir.appendingPathComponent("out").path)",
         "dataset": {"component": "synthetic", "users": 80, "items": 50},
         "split": {"component": "leave-one-out", "max_history": 6},
         "prompt": {"component": "template-file", "templates": [{"input": "user {user_id} ; history: {history}", "output": "{target}"}]},
         "item_ids": {"component": "textual", "pretrain_epochs": 2, "length_levels": 1},
         "user_ids": {"component": "textual", "max_items": 4, "length_levels": 1},
         "tokenizer": {"component": "unigram", "vocab_size": 400},
         "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "recommender", "max_steps": 10, "batch_size": 16, "validation_samples": 8, "eval_every": 10},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5"], "reporters": ["json"]}
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func userMap(_ dir: URL) throws -> [[Substring]] {
        try String(contentsOf: dir.appendingPathComponent("out/user_id_map.tsv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    func testLeakFreeRunKeepsOneUniqueIDPerUser() throws {
        let dir = try scratch()
        let exp = try experiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        let rows = try userMap(dir)
        XCTAssertEqual(rows.first, ["user", "id", "items_read"])
        XCTAssertEqual(rows.count, 81)
        XCTAssertEqual(Set(rows.dropFirst().map { $0[1] }).count, 80, "unique user IDs")
        let run = try String(contentsOf: dir.appendingPathComponent("out/run.json"), encoding: .utf8)
        XCTAssertFalse(run.contains("target-in-user-id"), run)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/metrics.json").path))
        // Serving with a user's ID in the prompt; an unknown user is named.
        let user = String(rows[1][0]), item = String(rows[1][2].split(separator: " ")[0])
        let served = try CLIRunner.run(["recommend", "--checkpoint", dir.appendingPathComponent("out").path,
                                        "--history", item, "--user", user, "--k", "3"])
        XCTAssertEqual(served.status, 0, served.stderr)
        XCTAssertEqual(served.stdout.split(separator: "\n").count, 3, served.stdout)
        let unknown = try CLIRunner.run(["recommend", "--checkpoint", dir.appendingPathComponent("out").path,
                                         "--history", item, "--user", "nobody"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("unknown user 'nobody'"), unknown.stderr)
    }

    func testLeakyReproductionRunsAndIsReported() throws {
        let dir = try scratch()
        let exp = try experiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path, "--set", "user_ids.history=full-sequence-leak"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let run = try String(contentsOf: dir.appendingPathComponent("out/run.json"), encoding: .utf8)
        XCTAssertTrue(run.contains("target-in-user-id-input") && run.contains("not leak-free"), run)
        // Each user's last item (the test target) is among the items read.
        let rows = try userMap(dir).dropFirst()
        XCTAssertTrue(rows.allSatisfy { !$0[2].isEmpty })
    }

    func testAlternateTrainingRegeneratesUserIDs() throws {
        let dir = try scratch()
        let exp = try experiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path, "--set", "trainer=alternate", "--set", "trainer.rounds=1",
                                     "--set", "trainer.rec_epochs=1", "--set", "trainer.id_epochs=1", "--set", "trainer.max_id_tokens=4"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let history = try String(contentsOf: dir.appendingPathComponent("out/id_history.tsv"), encoding: .utf8)
        XCTAssertTrue(history.contains("\n1-users\t"), history)
        XCTAssertEqual(Set(try userMap(dir).dropFirst().map { $0[1] }).count, 80)
    }

    func testRefusedWithoutATextualItemStrategy() throws {
        let dir = try scratch()
        let exp = try experiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path, "--set", "item_ids=keyword"])
        XCTAssertEqual(out.status, 2, out.stdout)
        XCTAssertTrue(out.stderr.contains("user_ids") && out.stderr.contains("trainable-id-generator"), out.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "no work before validation")
    }
}
