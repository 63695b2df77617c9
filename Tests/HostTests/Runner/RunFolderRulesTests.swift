import XCTest
import Foundation
import IDGenHost

/// The run-folder rules with real (tiny) runs: a finished run is refused unless --force or --resume, a failing
/// run leaves the good folder byte for byte and keeps its own work for --resume, --resume refuses other settings
/// or data naming them, output_dir problems are refused before any work, a swap a kill interrupted is finished or
/// undone, and `compare`'s reuse check names what changed.
final class RunFolderRulesTests: XCTestCase {
    override func setUp() { FlakyReporter.failing = false }
    override func tearDown() { FlakyReporter.failing = false }

    func experiment(_ dir: URL, dataset: String = #"{"component": "synthetic", "users": 40, "items": 30}"#) throws -> URL {
        try Fixtures.write("sequential; seen; history: {history}; {target}\n", to: dir.appendingPathComponent("prompts.txt"))
        let url = dir.appendingPathComponent("tiny.json")
        try Fixtures.write("""
        {"seed": 3, "output_dir": "out", "dataset": \(dataset),
         "split": {"component": "leave-one-out", "max_history": 5},
         "prompt": {"component": "template-file", "path": "prompts.txt"},
         "item_ids": "keyword", "tokenizer": {"component": "unigram", "vocab_size": 300},
         "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": {"component": "recommender", "max_steps": 4, "batch_size": 8, "validation_samples": 0, "checkpoint_every": 2},
         "decoder": {"component": "trie-beam", "beams": 3, "k": 3},
         "metrics": ["hr@3"], "reporters": ["json", "flaky"]}
        """, to: url)
        return url
    }

    /// What a runner logged.
    final class Lines { var all: [String] = [] }

    /// A runner for `url` writing into `dir/out` (or `output`), with `sets` applied; its log lines go to `lines`.
    func runner(_ url: URL, _ sets: [String] = [], mode: RunFolderMode = .fresh, output: String = "out",
                lines: Lines? = nil) throws -> ExperimentRunner {
        let registry = try ComponentRegistry(registrations: BuiltinComponents.all + [FlakyReporter.registration])
        let e = try ExperimentValidator(registry: registry).load(url, overrides: ["output_dir=\(url.deletingLastPathComponent().appendingPathComponent(output).path)"] + sets)
        let r = ExperimentRunner(experiment: e, registry: registry, log: { line in lines?.all.append(line) })
        r.mode = mode
        return r
    }

    /// Every file under `folder` (relative path → bytes).
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walk where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            out[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = try Data(contentsOf: url)
        }
        return out
    }

    func refusal(_ reason: RunFolderError.Reason, _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            try body()
            XCTFail("expected a \(reason) refusal", file: file, line: line)
        } catch let error as RunFolderError {
            XCTAssertEqual(error.reason, reason, "\(error)", file: file, line: line)
            return "\(error)"
        } catch {
            XCTFail("expected a \(reason) refusal, got \(error)", file: file, line: line)
        }
        return ""
    }

    func testAFinishedRunIsRefusedUnlessForcedAndResumeHasNothingToDo() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let out = dir.appendingPathComponent("out")
        try runner(exp).run()
        let before = try snapshot(out)
        XCTAssertFalse(before.isEmpty)
        let message = refusal(.finished) { try runner(exp).run() }
        XCTAssertTrue(message.hasPrefix(out.path + ": a finished run is already here") && message.contains("--force") && message.contains("--resume"), message)
        XCTAssertEqual(try snapshot(out), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: RunFolder(out).staging.path), "a refused run leaves no staging folder")
        // --force replaces it with the new run (another seed); nothing of the swap is left beside it.
        try runner(exp, ["seed=4"], mode: .force).run()
        XCTAssertEqual(try JSONValue.parse(contentsOf: out.appendingPathComponent("config.json"))["seed"], .int(4))
        XCTAssertNotEqual(try snapshot(out), before)
        for sibling in [RunFolder(out).staging, RunFolder(out).displaced] {
            XCTAssertFalse(FileManager.default.fileExists(atPath: sibling.path), sibling.lastPathComponent)
        }
        // --resume on the finished run: nothing to do with the same settings, refused with others.
        XCTAssertTrue(refusal(.nothingToResume) { try runner(exp, ["seed=4"], mode: .resume).run() }.contains("nothing to resume"))
        XCTAssertTrue(refusal(.changedSettings) { try runner(exp, ["seed=5"], mode: .resume).run() }.contains("seed: 4 → 5"))
    }

    func testAFailingRunLeavesTheGoodRunByteForByteAndResumeFinishesItsWork() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let out = dir.appendingPathComponent("out"), staging = RunFolder(out).staging
        try runner(exp).run()
        let good = try snapshot(out)
        // A run with other settings, aimed at the good folder with --force, fails after training and evaluation.
        FlakyReporter.failing = true
        var lines = Lines()
        XCTAssertThrowsError(try runner(exp, ["seed=4"], mode: .force, lines: lines).run()) {
            XCTAssertTrue("\($0)".contains("flaky: failing as the test asked"), "\($0)")
        }
        XCTAssertEqual(try snapshot(out), good, "the finished run is untouched, byte for byte")
        XCTAssertTrue(lines.all.contains { $0.contains("the unfinished run is kept in \(staging.path)") && $0.contains("--resume") }, "\(lines.all)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging.appendingPathComponent("metrics.json").path), "its work waits in staging")
        // Its work is refused without a word of what to do with it, and resumed only with its own settings.
        let refused = refusal(.unfinished) { try runner(exp, ["seed=4"]).run() }
        XCTAssertTrue(refused.contains(staging.path) && refused.contains("--resume") && refused.contains("--force"), refused)
        let changed = refusal(.changedSettings) { try runner(exp, ["seed=4", "trainer.learning_rate=0.0005"], mode: .resume).run() }
        XCTAssertTrue(changed.contains("trainer.learning_rate: 0.001 → 0.0005") && changed.contains("tiny.json"), changed)
        XCTAssertEqual(try snapshot(out), good)
        // With the same settings it finishes where it stopped: the uninterrupted run's metrics, swapped in.
        FlakyReporter.failing = false
        lines = Lines()
        try runner(exp, ["seed=4"], mode: .resume, lines: lines).run()
        XCTAssertTrue(lines.all.contains { $0.hasPrefix("resuming the unfinished run in \(staging.path)") }, "\(lines.all)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging.path))
        try runner(exp, ["seed=4"], output: "whole").run()
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8),
                       try String(contentsOf: dir.appendingPathComponent("whole/metrics.json"), encoding: .utf8))
    }

    func testResumeRefusesChangedData() throws {
        let dir = try Fixtures.scratch()
        let data = try SyntheticDataset(config: .init(users: 40, items: 30, seed: 3)).load()
        let folder = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Fixtures.write(zip(data.userIDs, data.sequences).map { u, s in ([u] + s.map { data.items[$0].rawID }).joined(separator: " ") }.joined(separator: "\n") + "\n",
                           to: folder.appendingPathComponent("user_sequence.txt"))
        let texts = folder.appendingPathComponent("item_plain_text.txt")
        try Fixtures.write(data.items.map { "\($0.rawID) \($0.text)" }.joined(separator: "\n") + "\n", to: texts)
        let exp = try experiment(dir, dataset: #"{"component": "idgenrec-folder", "path": "data"}"#)
        FlakyReporter.failing = true
        XCTAssertThrowsError(try runner(exp).run())
        // The same config, other data on disk: an item's text changed.
        let edited = try String(contentsOf: texts, encoding: .utf8).replacingOccurrences(of: "\(data.items[0].rawID) ", with: "\(data.items[0].rawID) renamed ")
        try Fixtures.write(edited, to: texts)
        let message = refusal(.changedSettings) { try runner(exp, mode: .resume).run() }
        XCTAssertTrue(message.contains("the data changed since the run was started (dataset_hash "), message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".out.staging/trainer-state").path), "its work is kept")
    }

    func testOutputDirThatIsAFileUnwritableOrForeignIsRefusedBeforeAnyWork() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        try Fixtures.write("notes", to: dir.appendingPathComponent("notes.txt"))
        let file = refusal(.notAFolder) { try runner(exp, output: "notes.txt").run() }
        XCTAssertTrue(file.contains("notes.txt: output_dir is a file; expected a run folder"), file)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("notes.txt"), encoding: .utf8), "notes")
        let registry = try ComponentRegistry(registrations: BuiltinComponents.all + [FlakyReporter.registration])
        let e = try ExperimentValidator(registry: registry).load(exp, overrides: ["output_dir=/proc/idgenrec-nowhere/out"])
        let unwritable = refusal(.notWritable) { try ExperimentRunner(experiment: e, registry: registry).run() }
        XCTAssertTrue(unwritable.contains("/proc/idgenrec-nowhere/out: cannot create its parent folder /proc/idgenrec-nowhere"), unwritable)
        XCTAssertFalse(unwritable.contains("NSCocoaErrorDomain") || unwritable.contains("Error Domain"), unwritable)
        // A folder of other files is never replaced, not even with --force.
        let photos = dir.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try Fixtures.write("jpeg", to: photos.appendingPathComponent("holiday.jpg"))
        let foreign = refusal(.foreign) { try runner(exp, mode: .force, output: "photos").run() }
        XCTAssertTrue(foreign.contains("not an idgenrec run") && foreign.contains("choose another output_dir"), foreign)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: photos.path), ["holiday.jpg"])
    }

    func testASwapAKillInterruptedIsFinishedOrUndone() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let out = dir.appendingPathComponent("out"), folder = RunFolder(out)
        try runner(exp).run()
        let old = try snapshot(out)
        let fm = FileManager.default
        func refusedRun() throws -> [String] {
            let lines = Lines()
            _ = refusal(.finished) { try runner(exp, lines: lines).run() }
            return lines.all
        }
        // Killed between the two renames, before the new run was in place: the old run goes back.
        try fm.moveItem(at: out, to: folder.displaced)
        XCTAssertTrue(try refusedRun().contains { $0.contains("put back \(out.path)") })
        XCTAssertEqual(try snapshot(out), old)
        XCTAssertFalse(fm.fileExists(atPath: folder.displaced.path))
        // Killed after the old run moved aside with the complete new run still in staging: the swap is finished.
        try fm.moveItem(at: out, to: folder.displaced)
        try fm.copyItem(at: folder.displaced, to: folder.staging)
        try Fixtures.write(#"{"new": true}"#, to: folder.staging.appendingPathComponent("metrics.json"))
        XCTAssertTrue(try refusedRun().contains { $0.contains("finished the swap") })
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8), #"{"new": true}"#)
        XCTAssertFalse(fm.fileExists(atPath: folder.displaced.path))
        XCTAssertFalse(fm.fileExists(atPath: folder.staging.path))
        // Killed after the exchange, while the replaced run was being deleted or before it was moved aside.
        try fm.copyItem(at: out, to: folder.displaced)
        XCTAssertTrue(try refusedRun().contains { $0.contains("removed .out.replaced") })
        try fm.copyItem(at: out, to: folder.staging)
        XCTAssertTrue(try refusedRun().contains { $0.contains("removed \(folder.staging.path), left behind by an interrupted swap") })
        XCTAssertFalse(fm.fileExists(atPath: folder.displaced.path) || fm.fileExists(atPath: folder.staging.path))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("metrics.json"), encoding: .utf8), #"{"new": true}"#)
    }

    func testCompareReuseCheckNamesWhatChanged() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let out = dir.appendingPathComponent("out")
        try runner(exp).run()
        XCTAssertEqual(try runner(exp).differences(fromFinishedRun: out), [])
        XCTAssertEqual(try runner(exp, ["dataset.users=35", "decoder.beams=4"]).differences(fromFinishedRun: out),
                       ["dataset.users: 40 → 35", "decoder.beams: 3 → 4"])
        // The prompt file's bytes changed under the same config.
        let prompts = dir.appendingPathComponent("prompts.txt")
        let text = try String(contentsOf: prompts, encoding: .utf8)
        try Fixtures.write("# a comment\n" + text, to: prompts)
        XCTAssertEqual(try runner(exp).differences(fromFinishedRun: out), ["the file of prompt.path changed"])
        try Fixtures.write(text, to: prompts)
        // What the run recorded no longer matches: other data, another ID map.
        for (key, expected) in [("dataset_hash", "the data changed (dataset_hash 0 → "), ("id_map_hash", "the ID map changed (id_map_hash 0 → ")] {
            let copy = dir.appendingPathComponent("copy-\(key)")
            try FileManager.default.copyItem(at: out, to: copy)
            let runJSON = copy.appendingPathComponent("run.json")
            let info = try String(contentsOf: runJSON, encoding: .utf8)
            let edited = try NSRegularExpression(pattern: "\"\(key)\"\\s*:\\s*\"[0-9a-f]+\"")
                .stringByReplacingMatches(in: info, range: NSRange(info.startIndex..., in: info), withTemplate: "\"\(key)\": \"0\"")
            try Fixtures.write(edited, to: runJSON)
            let reasons = try runner(exp).differences(fromFinishedRun: copy)
            XCTAssertEqual(reasons.count, 1)
            XCTAssertTrue(reasons.first?.hasPrefix(expected) == true, "\(reasons)")
        }
    }

    /// A comparison rerun after its variants were stopped: the one stopped with the variant's own settings is
    /// continued from its staging folder, the one stopped with other settings is started over; both say so.
    func testCompareContinuesAStoppedVariantOnlyWithItsSettings() throws {
        let dir = try Fixtures.scratch()
        let exp = try experiment(dir)
        let registry = try ComponentRegistry(registrations: BuiltinComponents.all + [FlakyReporter.registration])
        let overrides = ["output_dir=\(dir.appendingPathComponent("cmp").path)"]
        let variants = try ExperimentValidator(registry: registry).loadVariants(exp, overrides: overrides, vary: "item_ids=keyword,sequential")
        FlakyReporter.failing = true
        XCTAssertThrowsError(try ExperimentRunner(experiment: variants[0], registry: registry).run())
        let reseeded = try ExperimentValidator(registry: registry).loadVariants(exp, overrides: overrides + ["seed=4"], vary: "item_ids=keyword,sequential")
        XCTAssertThrowsError(try ExperimentRunner(experiment: reseeded[1], registry: registry).run())
        FlakyReporter.failing = false
        let lines = Lines()
        let compare = CompareRunner(runs: [variants], stage: .itemIDs, baselines: [], reference: nil, registry: registry,
                                    folder: dir.appendingPathComponent("cmp"), log: { lines.all.append($0) })
        let results = try compare.run()
        XCTAssertEqual(results.variants.map(\.name), ["keyword", "sequential"])
        let keyword = RunFolder(dir.appendingPathComponent("cmp/keyword")), sequential = RunFolder(dir.appendingPathComponent("cmp/sequential"))
        XCTAssertTrue(lines.all.contains("== keyword: continuing the unfinished run in \(keyword.staging.path)"), "\(lines.all)")
        XCTAssertTrue(lines.all.contains { $0.hasPrefix("== sequential: the unfinished run in \(sequential.staging.path) has other settings (seed: 4 → 3") },
                      "\(lines.all)")
        for folder in [keyword, sequential] {
            XCTAssertEqual(folder.state, .finished)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.staging.path))
        }
        XCTAssertEqual(try JSONValue.parse(contentsOf: sequential.destination.appendingPathComponent("config.json"))["seed"], .int(3))
    }
}
