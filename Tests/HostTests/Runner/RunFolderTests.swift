import XCTest
import Foundation
import IDGenHost

/// The pieces of the run-folder rules that need no training: which settings differ (dotted keys), what a
/// folder is (finished, unfinished, staging, foreign), and the messages for a folder that is not a finished run.
final class RunFolderTests: XCTestCase {
    func testConfigDifferencesAreDottedPathsWithBothValues() throws {
        let old = try JSONValue.parse(#"{"seed": 7, "output_dir": "runs/a", "trainer": {"component": "recommender", "learning_rate": 0.001, "batch_size": 32},"#
                                      + #" "metrics": [{"component": "hr@k", "k": 5}], "sources": {"seed": "file"}}"#)
        let new = try JSONValue.parse(#"{"seed": 7, "output_dir": "/elsewhere/a", "trainer": {"component": "recommender", "learning_rate": 0.0005, "batch_size": 32, "patience": 3},"#
                                      + #" "metrics": [{"component": "hr@k", "k": 10}], "sources": {"seed": "cli"}}"#)
        XCTAssertEqual(ConfigDifference.between(old, new).map(\.description),
                       ["trainer.learning_rate: 0.001 → 0.0005", "trainer.patience: (absent) → 3", "metrics[0].k: 5 → 10"],
                       "output_dir and sources are not settings")
        XCTAssertEqual(ConfigDifference.between(old, old), [])
        XCTAssertEqual(ConfigDifference.between(new, old).map(\.description),
                       ["trainer.learning_rate: 0.0005 → 0.001", "trainer.patience: 3 → (absent)", "metrics[0].k: 10 → 5"])
    }

    /// A run folder made of empty files: what the checks look at is which files are there.
    func fakeRun(_ dir: URL, _ files: [String] = RunFolder.finishedFiles + ["id_map.tsv", "summary.json", "checkpoint/config.json",
                                                                            "checkpoint/model.safetensors", "checkpoint/tokenizer.json"]) throws -> URL {
        for f in files {
            let url = dir.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Fixtures.write("{}", to: url)
        }
        return dir
    }

    func testStatesOfAFolder() throws {
        let dir = try Fixtures.scratch()
        XCTAssertEqual(RunFolder.state(of: dir.appendingPathComponent("none")), .absent)
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Fixtures.write("", to: empty.appendingPathComponent(".DS_Store"))
        XCTAssertEqual(RunFolder.state(of: empty), .empty)
        XCTAssertEqual(RunFolder.state(of: try fakeRun(dir.appendingPathComponent("run"))), .finished)
        XCTAssertEqual(RunFolder.state(of: try fakeRun(dir.appendingPathComponent("half"), ["config.json", "trainer-state/state.json"])), .unfinished)
        // A model folder has a config.json too, but not a run's: it is never taken for a run to replace.
        XCTAssertEqual(RunFolder.state(of: try fakeRun(dir.appendingPathComponent("t5-small"), ["config.json", "model.safetensors"])), .foreign)
        XCTAssertEqual(RunFolder.state(of: try fakeRun(dir.appendingPathComponent("photos"), ["holiday.jpg"])), .foreign)
        XCTAssertEqual(RunFolder.state(of: dir.appendingPathComponent("photos/holiday.jpg")), .file)
        // A complete-looking staging folder is still no finished run.
        let staging = RunFolder(dir.appendingPathComponent("run")).staging
        XCTAssertEqual(staging.lastPathComponent, ".run.staging")
        XCTAssertTrue(RunFolder.isStaging(try fakeRun(staging)))
        XCTAssertNotEqual(RunFolder.state(of: staging), .finished)
    }

    func testAFolderThatIsNoFinishedRunIsNamedWithWhatIsMissing() throws {
        let dir = try Fixtures.scratch()
        let cases: [(remove: String, fragment: String)] = [
            ("id_map.tsv", "no id_map.tsv (item → ID map)"),
            ("config.json", "no config.json (the run's resolved experiment)"),
            ("checkpoint/model.safetensors", "no checkpoint/model.safetensors (the trained weights)"),
            ("checkpoint/tokenizer.json", "no checkpoint/tokenizer.json (the tokenizer)"),
            ("metrics.json", "not a finished run folder: no metrics.json (written when the run finished)"),
        ]
        for c in cases {
            let run = try fakeRun(dir.appendingPathComponent("without-" + c.remove.replacingOccurrences(of: "/", with: "-")))
            try FileManager.default.removeItem(at: run.appendingPathComponent(c.remove))
            XCTAssertThrowsError(try RunFolder.checkServable(run, option: "--checkpoint"), c.remove) {
                XCTAssertEqual(($0 as? RunFolderError)?.reason, .notARun)
                XCTAssertTrue("\($0)".hasPrefix(run.path + ": --checkpoint: "), "\($0)")
                XCTAssertTrue("\($0)".contains(c.fragment), "\($0)")
            }
        }
        // The checkpoint folder given instead of the run, or one of its files: the run folder is suggested.
        let run = try fakeRun(dir.appendingPathComponent("good"))
        XCTAssertNoThrow(try RunFolder.checkServable(run, option: "--checkpoint"))
        XCTAssertThrowsError(try RunFolder.checkServable(run.appendingPathComponent("checkpoint/model.safetensors"), option: "--checkpoint")) {
            XCTAssertEqual(($0 as? RunFolderError)?.reason, .notAFolder)
            XCTAssertTrue("\($0)".contains("this is a file; expected a run folder") && "\($0)".contains("e.g. \(run.path)"), "\($0)")
        }
        XCTAssertThrowsError(try RunFolder.checkServable(dir.appendingPathComponent("nowhere"), option: "--checkpoint")) {
            XCTAssertTrue("\($0)".contains("nowhere: --checkpoint: no such folder"), "\($0)")
        }
        // checkpoint/ that is a file.
        let flat = try fakeRun(dir.appendingPathComponent("flat"), RunFolder.finishedFiles + ["id_map.tsv", "checkpoint"])
        XCTAssertThrowsError(try RunFolder.checkServable(flat, option: "--checkpoint")) {
            XCTAssertTrue("\($0)".contains("checkpoint is a file here; expected a folder with config.json, model.safetensors and tokenizer.json"), "\($0)")
        }
        // A staging folder is never served, however complete.
        let staging = try fakeRun(RunFolder(run).staging)
        XCTAssertThrowsError(try RunFolder.checkServable(staging, option: "--checkpoint")) {
            XCTAssertTrue("\($0)".contains("staging folder of an unfinished run"), "\($0)")
        }
    }

    func testASecondWriterIsRefusedNamingTheFirst() throws {
        let dir = try Fixtures.scratch()
        let folder = RunFolder(dir.appendingPathComponent("out"))
        var first: RunFolderLock? = try RunFolderLock.acquire(for: folder)
        XCTAssertThrowsError(try RunFolderLock.acquire(for: folder)) {
            XCTAssertEqual(($0 as? RunFolderError)?.reason, .busy)
            XCTAssertTrue("\($0)".contains("another idgenrec process (pid \(getpid()))"), "\($0)")
        }
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try RunFolderLock.acquire(for: folder), "the lock ends with its holder")
    }
}
