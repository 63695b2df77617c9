import XCTest
import Foundation

/// `idgenrec plugins` and `idgenrec validate` run as a user would, with their exit codes:
/// 0 ok, 1 run failure (a broken plugin), 2 usage or validation error.
final class CLIPluginsAndValidateTests: XCTestCase {
    let examples = CLIRunner.packageRoot.appendingPathComponent("Examples/plugins/plugins.json").path

    func scratch() throws -> URL { try CLIRunner.scratch(name) }

    func testPluginsListsKindsWithConfigDefaults() throws {
        let out = try CLIRunner.run(["plugins", "--plugins", examples])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("item-ids\n"), out.stdout)      // built-in strategies may come first
        XCTAssertTrue(out.stdout.contains("\n  hashed-ngrams     library"), out.stdout)
        XCTAssertTrue(out.stdout.contains("config: n = 2, buckets = 512, code_length = 3"), out.stdout)
        XCTAssertTrue(out.stdout.contains("title-words       command"), out.stdout)
        for kind in ["dataset", "tokenizer", "model", "trainer", "decoder", "metric", "reporter"] {
            XCTAssertTrue(out.stdout.contains("\n\(kind)\n") || out.stdout.hasPrefix("\(kind)\n"), "kind \(kind) missing:\n\(out.stdout)")
        }
    }

    func testValidateBadExperimentListsAllProblemsAndExits2() throws {
        let dir = try scratch()
        let exp = dir.appendingPathComponent("bad.json")
        try #"{"seed": "x", "item_ids": {"component": "title-word"}, "colour": 1, "budget": {"minutes": "ten"}}"#
            .write(to: exp, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["validate", exp.path, "--plugins", examples, "--set", "decodr.beam_size=3"])
        XCTAssertEqual(out.status, 2, out.stdout + out.stderr)
        let report = out.stderr
        XCTAssertTrue(report.contains("bad.json: "), report)
        XCTAssertTrue(report.contains("problems (nothing was run)"), report)
        for line in ["--set decodr.beam_size=3: unknown stage or setting 'decodr'; did you mean 'decoder'?",
                     "seed: expected a non-negative integer",
                     "colour: unknown stage or setting",
                     "budget.minutes: expected a number, found string \"ten\"",
                     "dataset: missing stage",
                     "item_ids: unknown item-ids 'title-word'; did you mean 'title-words'? known: "] {
            XCTAssertTrue(report.contains(line), "missing '\(line)' in:\n\(report)")
        }
        // the known names, built-ins included
        let known = report.components(separatedBy: "did you mean 'title-words'? known: ").last!.prefix { $0 != "\n" }
        let names = known.components(separatedBy: ", ")
        XCTAssertTrue(names.contains("hashed-ngrams") && names.contains("title-words"), String(known))
    }

    func testLogLevelDebugShowsManifestDiscovery() throws {
        let quiet = try CLIRunner.run(["plugins"])
        XCTAssertFalse(quiet.stderr.contains("root manifest:"), quiet.stderr)
        let out = try CLIRunner.run(["plugins", "--log-level", "debug"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("root manifest: \(CLIRunner.packageRoot.appendingPathComponent("plugins.json").path)"), out.stderr)
        XCTAssertEqual(try CLIRunner.run(["plugins", "--log-level", "loud"]).status, 2)
    }

    func testManifestFlagPrintsALoadableManifest() throws {
        let out = try CLIRunner.run(["plugins", "--manifest"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let dir = try scratch()
        let url = dir.appendingPathComponent("plugins.json")
        try out.stdout.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["plugins", "--plugins", url.path]).status, 0)
    }

    func testValidateUsageErrorExits2() throws {
        let out = try CLIRunner.run(["validate"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("Missing expected argument '<experiment>'"), out.stderr)
    }

    func testBrokenManifestExits2NamingFileAndEntry() throws {
        let dir = try scratch()
        let manifest = dir.appendingPathComponent("mine.json")
        try #"{"plugins": [{"name": "x", "kind": "item-idz", "summary": "s", "command": ["python3"]}]}"#.write(to: manifest, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["plugins", "--plugins", manifest.path])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("mine.json: entry 1 ('x'): unknown kind 'item-idz'; did you mean 'item-ids'?"), out.stderr)
    }

    func testPluginsCheckReportsHealthyAndBrokenPlugins() throws {
        let dir = try scratch()
        let fixture = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/plugins/misbehaving.py").path
        let title = CLIRunner.packageRoot.appendingPathComponent("Examples/plugins/title_words.py").path
        let manifest = dir.appendingPathComponent("check.json")
        try """
        {"plugins": [{"name": "title-words", "kind": "item-ids", "summary": "s", "command": ["python3", "\(title)"]},
                     {"name": "misbehaving", "kind": "item-ids", "summary": "s", "command": ["python3", "\(fixture)", "wrong_abi"]}]}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["plugins", "--check", "--plugins", manifest.path])
        XCTAssertEqual(out.status, 1, out.stdout + out.stderr)
        XCTAssertTrue(out.stdout.contains("ok    item-ids 'title-words'"), out.stdout)
        XCTAssertTrue(out.stdout.contains("FAIL  item-ids 'misbehaving' — plugin 'misbehaving' (command python3"), out.stdout)
        XCTAssertTrue(out.stdout.contains("speaks ABI version 99"), out.stdout)
    }
}
