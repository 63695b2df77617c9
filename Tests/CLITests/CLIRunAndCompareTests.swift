import XCTest
import Foundation

/// `idgenrec run`, `compare` and `ids` end to end on a tiny synthetic experiment, as a user would run them:
/// the run folder holds what the architecture promises, compare reports and resumes, ids prints the card.
final class CLIRunAndCompareTests: XCTestCase {
    func scratch() throws -> URL { try CLIRunner.scratch(name) }

    func tinyExperiment(in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent("tiny.json")
        try """
        {"seed": 7, "output_dir": "\(dir.appendingPathComponent("out").path)",
         "dataset": {"component": "synthetic", "users": 120, "items": 60},
         "split": {"component": "leave-one-out", "max_history": 8},
         "prompt": {"component": "template-file", "templates": [{"input": "history: {history}", "output": "{target}"}]},
         "item_ids": "keyword", "tokenizer": {"component": "unigram", "vocab_size": 400},
         "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "recommender", "max_steps": 20, "batch_size": 16, "validation_samples": 10, "eval_every": 10},
         "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5", "ndcg@5"], "reporters": ["table", "json"]}
        """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testRunWritesTheRunFolder() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("hr@5"), out.stdout)
        let folder = dir.appendingPathComponent("out")
        for file in ["config.json", "run.json", "id_map.tsv", "curves.csv", "per_user.csv", "metrics.json", "report.md", "summary.json",
                     "checkpoint/model.safetensors", "checkpoint/config.json", "checkpoint/tokenizer.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "missing \(file)")
        }
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("metrics.json"))) as! [String: Any]
        let values = metrics["metrics"] as! [String: Double]
        XCTAssertNotNil(values["hr@5"])
        XCTAssertGreaterThanOrEqual(values["hr@5"]!, values["ndcg@5"]!)
        let csv = try String(contentsOf: folder.appendingPathComponent("per_user.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 121, "header + one row per test user")
        // Serving from the run folder: k ranked real items, each from the ID map.
        let idMap = try String(contentsOf: folder.appendingPathComponent("id_map.tsv"), encoding: .utf8)
        let items = idMap.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
        let rec = try CLIRunner.run(["recommend", "--checkpoint", folder.path, "--history", items[0..<3].joined(separator: " "), "--k", "4"])
        XCTAssertEqual(rec.status, 0, rec.stderr)
        let rows = rec.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 4, rec.stdout)
        XCTAssertTrue(rows.allSatisfy { row in items.contains(String(row.split(separator: " ", omittingEmptySubsequences: true)[1])) }, rec.stdout)
        // --exclude-history: none of the given items comes back, still k of them.
        let history = Array(items[0..<12])
        let fresh = try CLIRunner.run(["recommend", "--checkpoint", folder.path, "--history", history.joined(separator: " "),
                                       "--k", "5", "--exclude-history"])
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        let returned = fresh.stdout.split(separator: "\n").map { String($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
        XCTAssertEqual(returned.count, 5, fresh.stdout)
        XCTAssertTrue(Set(returned).isDisjoint(with: history), fresh.stdout)
        // A history longer than the run's max_history (8) is cut to its most recent items, as in training:
        // 5,000 items answer at once, with the list of their last 8.
        let long = (0..<5000).map { items[$0 % items.count] }
        let cut = try CLIRunner.run(["recommend", "--checkpoint", folder.path, "--history", long.joined(separator: " "), "--k", "4"])
        let tail = try CLIRunner.run(["recommend", "--checkpoint", folder.path, "--history", long.suffix(8).joined(separator: " "), "--k", "4"])
        XCTAssertEqual(cut.status, 0, cut.stderr)
        XCTAssertEqual(cut.stdout, tail.stdout)
        let unknown = try CLIRunner.run(["recommend", "--checkpoint", folder.path, "--history", "no-such-item"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("unknown item(s) no-such-item"), unknown.stderr)
        // Same seed, same numbers.
        let again = try CLIRunner.run(["run", exp.path, "--set", "output_dir=\(dir.appendingPathComponent("out2").path)"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out2/metrics.json"), encoding: .utf8),
                       try String(contentsOf: folder.appendingPathComponent("metrics.json"), encoding: .utf8))
    }

    func testCompareReportsAndResumes() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--baselines", "popularity"])
        XCTAssertEqual(out.status, 0, out.stderr)
        for file in ["report.md", "report.html", "results.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path), "missing \(file)")
        }
        XCTAssertTrue(out.stdout.contains("p (vs keyword)"), out.stdout)
        let second = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--baselines", "popularity"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("keyword: finished earlier"), second.stdout)
        XCTAssertFalse(second.stdout.contains("another idgenrec build"), "same build: no warning")
        // A finished variant made by another build is still reused, but said to be, in the log and the report.
        let runJSON = dir.appendingPathComponent("out/keyword/run.json")
        let info = try String(contentsOf: runJSON, encoding: .utf8)
        let stamped = try NSRegularExpression(pattern: "\"build\"\\s*:\\s*\"[0-9a-f]+\"")
        let edited = stamped.stringByReplacingMatches(in: info, range: NSRange(info.startIndex..., in: info),
                                                      withTemplate: "\"build\": \"0\"")
        XCTAssertNotEqual(edited, info, "run.json names the build")
        try edited.write(to: runJSON, atomically: true, encoding: .utf8)
        let third = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential"])
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertTrue(third.stdout.contains("warning: keyword: reused from") || third.stderr.contains("warning: keyword: reused from"),
                      third.stdout + third.stderr)
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("made by another idgenrec build"), report)
        // Several seeds: every variant runs once per seed in its own folder; the report pools them.
        let seeded = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--seeds", "2",
                                        "--set", "output_dir=\(dir.appendingPathComponent("seeds").path)"])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        for path in ["seeds/seed-7/keyword/metrics.json", "seeds/seed-8/sequential/metrics.json", "seeds/report.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "missing \(path)")
        }
        let md = try String(contentsOf: dir.appendingPathComponent("seeds/report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("2 seeds (7, 8)"), md)
        let bad = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--baselines", "popularty"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("did you mean 'popularity'"), bad.stderr)
    }

    /// `--set evaluation.exclude_history=true` in a comparison: the report says so, the baselines that can
    /// exclude history do, and one that cannot (SASRec) is named in a warning and the report's notes.
    func testCompareWithHistoryExclusionSaysSo() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["compare", exp.path, "--vary", "item_ids=keyword,sequential", "--baselines", "popularity,sasrec",
                                     "--set", "evaluation.exclude_history=true"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue((out.stdout + out.stderr).contains("warning: sasrec cannot exclude history items"), out.stdout + out.stderr)
        let report = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("evaluation: items in the user's history excluded, batches of 32"), report)
        XCTAssertTrue(report.contains("sasrec cannot exclude history items"), report)
        XCTAssertFalse(report.contains("popularity cannot"), report)
        let config = try String(contentsOf: dir.appendingPathComponent("out/keyword/config.json"), encoding: .utf8)
        XCTAssertTrue(config.contains("\"exclude_history\" : true") || config.contains("\"exclude_history\": true"), config)
    }

    func testIDsPrintsTheReportCard() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["ids", exp.path, "--set", "item_ids=title"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("ID report card"), out.stdout)
        XCTAssertTrue(out.stdout.contains("60 unique token sequences"), out.stdout)
    }

    func testAlternateTrainingRegeneratesIDsThroughTheRunner() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let out = try CLIRunner.run(["run", exp.path, "--set", "item_ids=textual", "--set", "item_ids.pretrain_epochs=2",
                                     "--set", "trainer=alternate", "--set", "trainer.rounds=1", "--set", "trainer.rec_epochs=1",
                                     "--set", "trainer.id_epochs=1", "--set", "trainer.max_id_tokens=4"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let folder = dir.appendingPathComponent("out")
        let history = try String(contentsOf: folder.appendingPathComponent("id_history.tsv"), encoding: .utf8)
        XCTAssertTrue(history.hasPrefix("round\tchanged\texamples\n1\t"), history)
        let curves = try String(contentsOf: folder.appendingPathComponent("curves.csv"), encoding: .utf8)
        XCTAssertTrue(curves.contains(",id-generator,") || curves.contains(",id,"), curves)
        XCTAssertTrue(curves.contains(",recommender,"), curves)
        // The ID map holds the regenerated IDs: one unique token sequence per item.
        let tokens = try String(contentsOf: folder.appendingPathComponent("id_map.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[2] }
        XCTAssertEqual(Set(tokens).count, 60)
        // alternate needs a trainable generator: refused before any work with another strategy.
        let refused = try CLIRunner.run(["run", exp.path, "--set", "trainer=alternate"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("trainable-id-generator"), refused.stderr)
    }

    func testInputFilesAreRelativeToTheExperimentFile() throws {
        let dir = try scratch()
        let sub = dir.appendingPathComponent("experiments")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try "sequential; seen; bought {history} then; {target}\n".write(to: dir.appendingPathComponent("prompts.txt"), atomically: true, encoding: .utf8)
        let exp = sub.appendingPathComponent("e.json")
        try #"{"dataset": {"component": "synthetic", "users": 60, "items": 40}, "item_ids": "keyword", "tokenizer": {"component": "unigram", "vocab_size": 300}, "model": "t5", "prompt": {"component": "template-file", "path": "../prompts.txt"}}"#
            .write(to: exp, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["ids", exp.path])   // run from the package root, not from the experiment's folder
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("40 unique token sequences"), out.stdout)
    }

    func testEveryExampleExperimentValidates() throws {
        for dir in ["Examples", "benchmarks/quality"] {
            let folder = CLIRunner.packageRoot.appendingPathComponent(dir)
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            XCTAssertFalse(files.isEmpty, dir)
            for f in files {
                let out = try CLIRunner.run(["validate", folder.appendingPathComponent(f).path])
                // The quality benchmark needs ../shared/data; without it, its only problem is that folder.
                if out.status != 0 && out.stderr.contains("shared/data") { continue }
                XCTAssertEqual(out.status, 0, "\(dir)/\(f): \(out.stderr)")
            }
        }
    }

    func testZeroShotTransferWithTheTrainedIDGenerator() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let train = try CLIRunner.run(["run", exp.path, "--set", "item_ids=textual", "--set", "item_ids.pretrain_epochs=2"])
        XCTAssertEqual(train.status, 0, train.stderr)
        let source = dir.appendingPathComponent("out")
        XCTAssertTrue(FileManager.default.fileExists(atPath: source.appendingPathComponent("generator/model.safetensors").path))
        // Dataset B: another synthetic catalog (another seed), never trained on.
        let target = dir.appendingPathComponent("zero-shot")
        let out = try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--set", "item_ids=textual",
                                     "--set", "dataset.seed=99", "--set", "output_dir=\(target.path)"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("zero-shot from out"), out.stdout)
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: target.appendingPathComponent("summary.json"))) as! [String: Any]
        XCTAssertEqual(summary["users"] as? Int, 120)
        let report = (summary["id_report"] as? [String] ?? []).joined(separator: "\n")
        XCTAssertTrue(report.contains("generator: checkpoint"), report)
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("per_user.csv"), encoding: .utf8).split(separator: "\n").count, 121)

        // Next to B's in-domain results: B trained on its own data, then the same transfer with --in-domain.
        let inDomain = dir.appendingPathComponent("in-domain")
        let own = try CLIRunner.run(["run", exp.path, "--set", "item_ids=textual", "--set", "item_ids.pretrain_epochs=2",
                                     "--set", "dataset.seed=99", "--set", "output_dir=\(inDomain.path)"])
        XCTAssertEqual(own.status, 0, own.stderr)
        // The zero-shot folder is finished: the transfer replaces it only with --force.
        let beside = try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--in-domain", inDomain.path, "--force",
                                        "--set", "item_ids=textual", "--set", "dataset.seed=99", "--set", "output_dir=\(target.path)"])
        XCTAssertEqual(beside.status, 0, beside.stderr)
        let md = try String(contentsOf: target.appendingPathComponent("vs-in-domain/report.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("in-domain: in-domain") && md.contains("zero-shot from out"), md)
        XCTAssertTrue(md.contains("| zero-shot from out | paired-bootstrap | 120 |"), "paired test over the same test users: \(md)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: target.appendingPathComponent("vs-in-domain/report.html").path))
        // A folder that is not a finished run is refused by name, before any work.
        let bad = try CLIRunner.run(["transfer", "--from", source.path, exp.path, "--in-domain", dir.path, "--force",
                                     "--set", "item_ids=textual", "--set", "dataset.seed=99", "--set", "output_dir=\(target.path)"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("not a finished run folder"), bad.stderr)
    }

    func testKillDashNineThenResumeGivesTheUninterruptedMetrics() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let sets = ["--set", "trainer.max_steps=160", "--set", "trainer.checkpoint_every=10", "--set", "trainer.validation_samples=0"]
        let whole = try CLIRunner.run(["run", exp.path, "--set", "output_dir=\(dir.appendingPathComponent("whole").path)"] + sets)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        // Start the same run, kill -9 it once a checkpoint past step 40 exists (in the staging folder beside
        // output_dir), then resume there.
        let killedAt = try CLIRunner.killAtCheckpoint(["run", exp.path] + sets, state: dir.appendingPathComponent(".out.staging/trainer-state/state.json"),
                                                      step: 40)
        let resumed = try CLIRunner.run(["run", exp.path, "--resume"] + sets)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out/metrics.json"), encoding: .utf8),
                       try String(contentsOf: dir.appendingPathComponent("whole/metrics.json"), encoding: .utf8),
                       "killed at step \(killedAt.map(String.init) ?? "— (finished before the kill)")")
        XCTAssertNotNil(killedAt, "the run finished before it could be killed; the kill was not exercised")
    }

    func testKillDashNineInsideAlternateTrainingThenResume() throws {
        let dir = try scratch()
        let exp = try tinyExperiment(in: dir)
        let sets = ["--set", "item_ids=textual", "--set", "item_ids.pretrain_epochs=2", "--set", "trainer=alternate",
                    "--set", "trainer.rounds=2", "--set", "trainer.rec_epochs=1", "--set", "trainer.id_epochs=0.25",
                    "--set", "trainer.max_id_tokens=4", "--set", "trainer.checkpoint_every=5", "--set", "trainer.id_phase_eval_samples=0"]
        let whole = try CLIRunner.run(["run", exp.path, "--set", "output_dir=\(dir.appendingPathComponent("whole").path)"] + sets)
        XCTAssertEqual(whole.status, 0, whole.stderr)
        // Kill -9 in the middle of the second round's recommender phase (after the IDs were regenerated once).
        let killedAt = try CLIRunner.killAtCheckpoint(["run", exp.path] + sets, state: dir.appendingPathComponent(".out.staging/trainer-state/recommender-round2/state.json"),
                                                      step: 10)
        XCTAssertNotNil(killedAt, "the run finished before it could be killed; the kill was not exercised")
        let resumed = try CLIRunner.run(["run", exp.path, "--resume"] + sets)
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("resumed alternate training after round 2"), resumed.stdout)
        for name in ["metrics.json", "id_map.tsv", "id_history.tsv"] {
            XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out/\(name)"), encoding: .utf8),
                           try String(contentsOf: dir.appendingPathComponent("whole/\(name)"), encoding: .utf8),
                           "\(name), killed at round 2 step \(killedAt.map(String.init) ?? "—")")
        }
    }
}
