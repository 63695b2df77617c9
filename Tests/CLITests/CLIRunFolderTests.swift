import XCTest
import Foundation

/// The run-folder rules as a user meets them (README, "Run folders"): a finished run refused unless --force or
/// --resume, a failing run leaving the good folder byte for byte, --resume refusing changed settings by key,
/// compare reusing a variant only when it matches (and saying why not), --reference and --in-domain checked
/// before any work, run folders that are not fit named with what was expected — and kill -9 at random moments
/// never leaving a lost or mixed run.
final class CLIRunFolderTests: XCTestCase {
    func scratch() throws -> URL { try CLIRunner.scratch(name) }

    func tinyExperiment(in dir: URL, dataset: String = #"{"component": "synthetic", "users": 120, "items": 60}"#,
                        trainer: String = #""max_steps": 20, "batch_size": 16, "validation_samples": 10, "eval_every": 10"#) throws -> URL {
        let url = dir.appendingPathComponent("tiny.json")
        try """
        {"seed": 7, "output_dir": "\(dir.appendingPathComponent("out").path)", "dataset": \(dataset),
         "split": {"component": "leave-one-out", "max_history": 8},
         "prompt": {"component": "template-file", "templates": [{"input": "history: {history}", "output": "{target}"}]},
         "item_ids": "keyword", "tokenizer": {"component": "unigram", "vocab_size": 400},
         "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "recommender", \(trainer)},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5", "ndcg@5"], "reporters": ["table", "json"]}
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// An IDGenRec dataset folder: 80 users of 6 items among 40, each item with a distinct title.
    func dataFolder(in dir: URL) throws -> URL {
        let folder = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let colors = ["red", "blue", "green", "amber", "ivory", "black", "teal"], things = ["lamp", "mug", "scarf", "candle", "soap", "brush"]
        let items = (0..<40).map { n in "i\(n) title: \(colors[n % 7]) \(things[n / 7 % 6]) no\(n); brand: b\(n % 4)" }
        let users = (0..<80).map { u in (["u\(u)"] + (0..<6).map { k in "i\((u * 7 + k * 5 + k * k) % 40)" }).joined(separator: " ") }
        try (items.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("item_plain_text.txt"), atomically: true, encoding: .utf8)
        try (users.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("user_sequence.txt"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Every file under `folder` (relative path → bytes).
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walk where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// The first three item ids of a run's id_map.tsv, as a history.
    func history(_ run: URL) throws -> String {
        try String(contentsOf: run.appendingPathComponent("id_map.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().prefix(3).map { String($0.split(separator: "\t")[0]) }.joined(separator: " ")
    }

    func assertUsage(_ out: CLIRunner.Output, _ fragments: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr, file: file, line: line)
        for f in fragments { XCTAssertTrue(out.stderr.contains(f), "expected '\(f)' in: \(out.stderr)", file: file, line: line) }
        XCTAssertFalse(out.stderr.contains("NSCocoaErrorDomain") || out.stderr.contains("Error Domain="), out.stderr, file: file, line: line)
    }

    func testAFinishedRunIsRefusedForceReplacesItAndResumeHasNothingToDo() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = dir.appendingPathComponent("out")
        XCTAssertEqual(try CLIRunner.run(["run", exp.path]).status, 0)
        let before = try snapshot(out)
        let again = try CLIRunner.run(["run", exp.path])
        assertUsage(again, [out.path + ": a finished run is already here", "--force", "--resume"])
        XCTAssertEqual(again.stdout, "", "refused before any work")
        XCTAssertEqual(try snapshot(out), before)
        assertUsage(try CLIRunner.run(["run", exp.path, "--force", "--resume"]), ["--resume and --force exclude each other"])
        let resumed = try CLIRunner.run(["run", exp.path, "--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("nothing to resume"), resumed.stdout)
        XCTAssertEqual(try snapshot(out), before)
        let forced = try CLIRunner.run(["run", exp.path, "--force", "--set", "seed=8"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("config.json"), encoding: .utf8).contains("\"seed\" : 8")
                      || String(contentsOf: out.appendingPathComponent("config.json"), encoding: .utf8).contains("\"seed\": 8"))
        XCTAssertEqual(try CLIRunner.run(["recommend", "--checkpoint", out.path, "--history", history(out), "--k", "3"]).status, 0)
        XCTAssertFalse(exists(dir.appendingPathComponent(".out.staging")) || exists(dir.appendingPathComponent(".out.replaced")))
    }

    func testAFailingRunLeavesTheFinishedFolderByteIdentical() throws {
        let dir = try scratch()
        _ = try dataFolder(in: dir)
        let exp = try tinyExperiment(in: dir, dataset: #"{"component": "idgenrec-folder", "path": "data"}"#)
        let out = dir.appendingPathComponent("out")
        let first = try CLIRunner.run(["run", exp.path])
        XCTAssertEqual(first.status, 0, first.stderr)
        let good = try snapshot(out)
        // The data folder breaks (a user line without items): the experiment still validates, the run fails
        // loading it, after its staging folder was made.
        let sequences = dir.appendingPathComponent("data/user_sequence.txt")
        try (String(contentsOf: sequences, encoding: .utf8) + "lonely-user\n").write(to: sequences, atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["run", exp.path, "--force"])
        XCTAssertEqual(failed.status, 1, failed.stdout + failed.stderr)
        XCTAssertTrue(failed.stderr.contains("lonely-user"), failed.stderr)
        XCTAssertEqual(try snapshot(out), good, "every file of the finished run, byte for byte")
        XCTAssertFalse(exists(dir.appendingPathComponent(".out.staging")), "a failure with nothing to resume leaves no staging folder")
        XCTAssertEqual(try CLIRunner.run(["recommend", "--checkpoint", out.path, "--history", history(out)]).status, 0)
    }

    func testResumeAfterAKillRefusesAnotherLearningRateByName() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir, trainer: #""max_steps": 60, "batch_size": 16, "validation_samples": 0, "checkpoint_every": 5"#)
        let staging = dir.appendingPathComponent(".out.staging")
        let killedAt = try CLIRunner.killAtCheckpoint(["run", exp.path], state: staging.appendingPathComponent("trainer-state/state.json"), step: 5)
        XCTAssertNotNil(killedAt, "the run finished before it could be killed")
        XCTAssertFalse(exists(dir.appendingPathComponent("out")), "nothing at output_dir until the run is complete")
        let changed = try CLIRunner.run(["run", exp.path, "--resume", "--set", "trainer.learning_rate=0.0005"])
        assertUsage(changed, ["--resume refused", "tiny.json now differs from the run in \(staging.path)", "trainer.learning_rate: 0.001 → 0.0005"])
        let fresh = try CLIRunner.run(["run", exp.path])
        assertUsage(fresh, ["the stopped run of this output_dir in \(staging.path)", "holds a training checkpoint", "--resume", "--force"])
        let served = try CLIRunner.run(["recommend", "--checkpoint", staging.path, "--history", "x"])
        assertUsage(served, ["staging folder of an unfinished run"])
        let resumed = try CLIRunner.run(["run", exp.path, "--resume", "--set", "trainer.max_steps=60"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("resuming the unfinished run in \(staging.path)"), resumed.stdout)
        XCTAssertTrue(exists(dir.appendingPathComponent("out/metrics.json")) && !exists(staging))
    }

    func testCompareReusesOnlyMatchingVariantsAndSaysWhyItReruns() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let vary = ["--vary", "item_ids=keyword,sequential"]
        XCTAssertEqual(try CLIRunner.run(["compare", exp.path] + vary).status, 0)
        let same = try CLIRunner.run(["compare", exp.path] + vary)
        XCTAssertTrue(same.stdout.contains("keyword: finished earlier") && same.stdout.contains("sequential: finished earlier"), same.stdout)
        // Fewer users: the finished variants were made on other data, so they run again and the log says why.
        let fewer = try CLIRunner.run(["compare", exp.path, "--set", "dataset.users=100"] + vary)
        XCTAssertEqual(fewer.status, 0, fewer.stderr)
        for name in ["keyword", "sequential"] {
            XCTAssertTrue(fewer.stdout.contains("== \(name): rerunning, the finished run in \(dir.appendingPathComponent("out/\(name)").path) differs: dataset.users: 120 → 100"),
                          fewer.stdout)
            let csv = try String(contentsOf: dir.appendingPathComponent("out/\(name)/per_user.csv"), encoding: .utf8)
            XCTAssertEqual(csv.split(separator: "\n").count, 101, "\(name): evaluated on the 100 users, none of the old 120")
        }
        let reused = try CLIRunner.run(["compare", exp.path, "--set", "dataset.users=100"] + vary)
        XCTAssertTrue(reused.stdout.contains("keyword: finished earlier"), reused.stdout)
        XCTAssertFalse(reused.stdout.contains("rerunning"), reused.stdout)
        let forced = try CLIRunner.run(["compare", exp.path, "--set", "dataset.users=100", "--force"] + vary)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("== keyword (--force: run again)"), forced.stdout)
    }

    func testCompareReferenceMustNameAVariantBeforeAnyWork() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--baselines", "popularity", "--reference", "keywrd"])
        assertUsage(out, ["--reference", "'keywrd' is not one of the compared variants", "did you mean 'keyword'?", "keyword, sequential, popularity"])
        XCTAssertFalse(exists(dir.appendingPathComponent("out")), "nothing was run")
    }

    func testTransferInDomainOnOtherDataIsRefused() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let source = dir.appendingPathComponent("out"), other = dir.appendingPathComponent("other-data")
        XCTAssertEqual(try CLIRunner.run(["run", exp.path]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["run", exp.path, "--set", "dataset.seed=99", "--set", "output_dir=\(other.path)"]).status, 0)
        let target = dir.appendingPathComponent("zero-shot")
        let refused = try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--in-domain", other.path, "--set", "output_dir=\(target.path)"])
        assertUsage(refused, [other.path + ": --in-domain: this run was trained on other data than tiny.json's dataset (dataset_hash "])
        XCTAssertFalse(exists(target) || exists(dir.appendingPathComponent(".zero-shot.staging")), "nothing written")
        // A finished transfer is refused like a finished run; --from must be a trained run folder.
        XCTAssertEqual(try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--set", "output_dir=\(target.path)"]).status, 0)
        assertUsage(try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--set", "output_dir=\(target.path)"]),
                    [target.path + ": a finished run is already here", "--force"])
        assertUsage(try CLIRunner.run(["transfer", "--from", target.path, exp.path, "--set", "output_dir=\(dir.appendingPathComponent("t2").path)"]),
                    [target.path + ": --from: not a complete run folder: no checkpoint/config.json (the model's shape)"])
    }

    func testRunFolderMessagesNameThePathAndWhatWasExpected() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let run = dir.appendingPathComponent("out")
        XCTAssertEqual(try CLIRunner.run(["run", exp.path]).status, 0)
        let items = try history(run)
        for (file, fragment) in [("id_map.tsv", "no id_map.tsv (item → ID map)"), ("config.json", "no config.json (the run's resolved experiment)"),
                                 ("checkpoint/model.safetensors", "no checkpoint/model.safetensors (the trained weights)"),
                                 ("checkpoint/tokenizer.json", "no checkpoint/tokenizer.json (the tokenizer)")] {
            let copy = dir.appendingPathComponent("without-" + file.replacingOccurrences(of: "/", with: "-"))
            try FileManager.default.copyItem(at: run, to: copy)
            try FileManager.default.removeItem(at: copy.appendingPathComponent(file))
            assertUsage(try CLIRunner.run(["recommend", "--checkpoint", copy.path, "--history", items]), [copy.path + ": --checkpoint: ", fragment])
            if file.hasPrefix("checkpoint/") {
                assertUsage(try CLIRunner.run(["transfer", "--from", copy.path, exp.path, "--set", "output_dir=\(dir.appendingPathComponent("t").path)"]),
                            [copy.path + ": --from: ", fragment])
            }
        }
        let noCheckpoint = dir.appendingPathComponent("without-checkpoint")
        try FileManager.default.copyItem(at: run, to: noCheckpoint)
        try FileManager.default.removeItem(at: noCheckpoint.appendingPathComponent("checkpoint"))
        assertUsage(try CLIRunner.run(["recommend", "--checkpoint", noCheckpoint.path, "--history", items]), ["no checkpoint/config.json (the model's shape)"])
        assertUsage(try CLIRunner.run(["recommend", "--checkpoint", run.appendingPathComponent("checkpoint/model.safetensors").path, "--history", items]),
                    ["model.safetensors: --checkpoint: this is a file; expected a run folder", "e.g. \(run.path)"])
        assertUsage(try CLIRunner.run(["recommend", "--checkpoint", run.appendingPathComponent("checkpoint").path, "--history", items]),
                    ["this folder is inside the run folder \(run.path); give that one"])
        assertUsage(try CLIRunner.run(["recommend", "--checkpoint", dir.appendingPathComponent("missing").path, "--history", items]),
                    ["missing: --checkpoint: no such folder; expected a run folder"])
        assertUsage(try CLIRunner.run(["run", exp.path, "--set", "output_dir=\(exp.path)"]),
                    [exp.path + ": output_dir is a file; expected a run folder (or nothing) at this path"])
        assertUsage(try CLIRunner.run(["run", exp.path, "--set", "output_dir=/proc/idgenrec-nowhere/out"]),
                    ["/proc/idgenrec-nowhere/out: cannot create its parent folder /proc/idgenrec-nowhere"])
        assertUsage(try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--set", "output_dir=\(exp.path)/x"]),
                    ["tiny.json is a file, so output_dir cannot be made under it"])
    }

    /// Whether the files of a run folder come from one run: its run.json (written after training) and its
    /// summary.json (after evaluation) record the same training time — two runs of the same settings differ
    /// in nothing else a mix would show. Nil when they agree.
    func mixProblem(_ snap: [String: Data]) -> String? {
        guard let run = snap["/run.json"].flatMap({ try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }),
              let summary = snap["/summary.json"].flatMap({ try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }) else {
            return "run.json or summary.json missing or unreadable"
        }
        guard let recorded = (run["training"] as? [String: Any])?["seconds"] as? Double else { return "run.json has no training record" }
        guard let measured = summary["training_seconds"] as? Double, abs((measured * 10).rounded() / 10 - recorded) < 1e-9 else {
            return "run.json says \(recorded) s of training, summary.json \(summary["training_seconds"] ?? "nothing"): files of two runs"
        }
        return nil
    }

    /// kill -9 at seeded random moments of `run --force` over a finished run: after each, output_dir holds the
    /// run it held before, byte for byte, or a complete new run with the same settings (no file of the old one
    /// mixed in) — served by `recommend`; a staging folder left behind is never served.
    func testKillAtRandomMomentsLeavesTheOldRunOrACompleteNewOne() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = dir.appendingPathComponent("out"), staging = dir.appendingPathComponent(".out.staging")
        let started = Date()
        XCTAssertEqual(try CLIRunner.run(["run", exp.path]).status, 0)
        let seconds = Date().timeIntervalSince(started)
        let config = try Data(contentsOf: out.appendingPathComponent("config.json"))
        let complete = ["config.json", "run.json", "id_map.tsv", "curves.csv", "per_user.csv", "metrics.json", "summary.json", "report.md",
                        "checkpoint/config.json", "checkpoint/model.safetensors", "checkpoint/tokenizer.json"]
        var previous = try snapshot(out)
        XCTAssertNil(mixProblem(previous))
        var rng: UInt64 = 19, killedMidRun = 0, replaced = 0
        func uniform() -> Double {      // SplitMix64
            rng &+= 0x9E37_79B9_7F4A_7C15
            var z = rng
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        for attempt in 1...5 {
            let delay = seconds * (0.05 + 1.1 * uniform())
            if try CLIRunner.killAfter(["run", exp.path, "--force"], seconds: delay) { killedMidRun += 1 }
            let now = try snapshot(out)
            let context = "attempt \(attempt), killed after \(String(format: "%.2f", delay)) s of a \(String(format: "%.1f", seconds)) s run"
            if now != previous {
                replaced += 1
                for file in complete { XCTAssertNotNil(now["/" + file], "\(context): the new run lacks \(file)") }
                XCTAssertEqual(now["/config.json"], config, "\(context): the new run has the same settings")
                XCTAssertNil(now["/staging.json"], context)
                XCTAssertNil(mixProblem(now), context)
            }
            let served = try CLIRunner.run(["recommend", "--checkpoint", out.path, "--history", history(out), "--k", "3"])
            XCTAssertEqual(served.status, 0, "\(context): \(served.stderr)")
            XCTAssertEqual(served.stdout.split(separator: "\n").count, 3, "\(context): \(served.stdout)")
            if exists(staging) {
                assertUsage(try CLIRunner.run(["recommend", "--checkpoint", staging.path, "--history", "x"]), ["staging folder of an unfinished run"])
            }
            previous = now
        }
        XCTAssertGreaterThan(killedMidRun, 0, "no kill landed inside a run (\(replaced) runs completed)")
        // What the last kill left is refused as it should be, and a forced run still ends complete.
        XCTAssertEqual(try CLIRunner.run(["run", exp.path, "--force"]).status, 0)
        XCTAssertFalse(exists(staging))
    }
}
