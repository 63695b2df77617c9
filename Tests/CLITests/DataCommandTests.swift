import XCTest
import Foundation

/// `idgenrec data` as a user runs it.
final class DataCommandTests: XCTestCase {
    func testExperimentFileLoadsItsDatasetStage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgenrec-data-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let exp = dir.appendingPathComponent("e.json")
        try #"{"dataset": {"component": "synthetic", "users": 50, "items": 30}, "item_ids": "keyword", "tokenizer": "unigram", "model": "t5"}"#
            .write(to: exp, atomically: true, encoding: .utf8)
        let out = try CLIRunner.run(["data", exp.path, "--set", "dataset.users=40"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("users: 40  items: 30"), out.stdout)
    }

    func testSyntheticSummaryAndLint() throws {
        let out = try CLIRunner.run(["data", "synthetic"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("users: 3000  items: 2000"), out.stdout)
        XCTAssertTrue(out.stdout.contains("sequence length: min 5"), out.stdout)
        XCTAssertTrue(out.stdout.contains("text coverage: 2000/2000"), out.stdout)
        XCTAssertTrue(out.stdout.contains("lint: no findings"), out.stdout)
    }

    func testFolderWithBadLineFailsWithFileAndLineThenSkips() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgen-cli-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "u1 a b c\nu2\nu3 c b a\n".write(to: dir.appendingPathComponent("user_sequence.txt"), atomically: true, encoding: .utf8)
        try "a title: x\nb title: y\nc title: y\n".write(to: dir.appendingPathComponent("item_plain_text.txt"), atomically: true, encoding: .utf8)
        let failed = try CLIRunner.run(["data", dir.path])
        XCTAssertNotEqual(failed.status, 0)
        XCTAssertTrue(failed.stderr.contains("user_sequence.txt:2:"), failed.stderr)
        let skipped = try CLIRunner.run(["data", dir.path, "--skip-bad-lines"])
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("skipped 1 malformed line(s)"), skipped.stdout)
        XCTAssertTrue(skipped.stdout.contains("duplicate-texts: 1"), skipped.stdout)
    }

    func testStrictExitsNonZeroOnLintErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgen-cli-sorted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try (1...20).map { "u\($0) 1 2 3 4" }.joined(separator: "\n").write(to: dir.appendingPathComponent("user_sequence.txt"), atomically: true, encoding: .utf8)
        try "1 a\n2 b\n3 c\n4 d\n".write(to: dir.appendingPathComponent("item_plain_text.txt"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLIRunner.run(["data", dir.path]).status, 0)
        let strict = try CLIRunner.run(["data", dir.path, "--strict"])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("error: sorted-by-id: 20"), strict.stdout)
    }
}
