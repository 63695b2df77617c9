import XCTest
import IDGenHost

/// The JSON-lines bridge end to end: the example Python title-words plugin assigns IDs; plugins that crash,
/// hang, answer garbage, speak the wrong ABI or lie each give the right error with their stderr tail, within
/// the timeout, and the host carries on.
final class SubprocessPluginTests: ExternalPluginTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try Fixtures.requirePython()
    }

    func testTitleWordsAssignsReadableUniqueIDsThroughTheRealBridge() throws {
        let script = Fixtures.root.appendingPathComponent("Examples/plugins/title_words.py").path
        let r = try registry(name: "title-words", location: #""command": ["python3", "\#(script)"], "config": {"k": 3}"#)
        let a = try assign(r, "title-words")
        assertValidAssignment(a, count: Fixtures.catalog.count)
        XCTAssertEqual(a.ids[0], "calvin klein truth")
        XCTAssertEqual(a.ids[1], "calvin klein truth body", "collision broken with the item's own next title word")
        XCTAssertEqual(a.ids[4], "lavender hand cream")
        XCTAssertEqual(a.ids[5], "lavender hand cream provence", "identical titles: disambiguated by the item's text")
        XCTAssertEqual(a.addedTokens, [])
        XCTAssertEqual(a.report["extended_by_words"], "3")
        // Same process reused for the next call (started once per run); params reach it.
        XCTAssertEqual(try assign(r, "title-words", params: #"{"k": 1}"#).ids[2], "oriental")
    }

    func misbehaving(_ mode: String, timeout: Double = 20) throws -> ComponentRegistry {
        try registry(name: "misbehaving", location: #""command": ["python3", "\#(Fixtures.url("plugins/misbehaving.py").path)", "\#(mode)"], "timeout_seconds": \#(timeout)"#)
    }

    func testCrashIsReportedWithSignalAndStderrTail() throws {
        let r = try misbehaving("crash")
        let text = assertPluginError(.crashed, naming: "misbehaving") { try self.assign(r, "misbehaving") }
        XCTAssertTrue(text.contains("killed by signal 11 (SIGSEGV)"), text)
        XCTAssertTrue(text.contains("| fixture: mode crash, 6 items"), text)
        // Later calls fail fast instead of talking to a dead process.
        assertPluginError(.stopped, naming: "misbehaving") { try self.assign(r, "misbehaving") }
    }

    func testHangIsStoppedAtTheTimeout() throws {
        let r = try misbehaving("hang", timeout: 1)
        let start = Date()
        let text = assertPluginError(.timeout, naming: "misbehaving") { try self.assign(r, "misbehaving") }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "the host waited far past the 1 s timeout")
        XCTAssertTrue(text.contains("did not answer misbehaving.assign within 1 s"), text)
        XCTAssertTrue(text.contains("| fixture: mode hang"), text)
    }

    func testPluginThatStopsReadingCannotBlockTheHostOnWrite() throws {
        // A request far larger than a pipe buffer (64 KiB) to a plugin that no longer reads stdin.
        let big = (0..<4000).map { CatalogItem(rawID: "\($0)", text: "title: item number \($0) with a fairly long descriptive text") }
        let r = try misbehaving("deaf", timeout: 1)
        let start = Date()
        let text = assertPluginError(.timeout, naming: "misbehaving") { try self.assign(r, "misbehaving", catalog: big) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertTrue(text.contains("did not answer misbehaving.assign within 1 s"), text)
    }

    func testStrayStdoutIsReportedInsteadOfShiftingReplies() throws {
        let r = try misbehaving("chatty")
        assertValidAssignment(try assign(r, "misbehaving"), count: Fixtures.catalog.count)
        let text = assertPluginError(.badReply, naming: "misbehaving") { try self.assign(r, "misbehaving") }
        XCTAssertTrue(text.contains("wrote to stdout without being asked"), text)
        XCTAssertTrue(text.contains("{\"log\":"), text)
    }

    func testGarbageReplyIsInvalidJSON() throws {
        let text = assertPluginError(.invalidJSON, naming: "misbehaving") { try self.assign(try self.misbehaving("garbage"), "misbehaving") }
        XCTAssertTrue(text.contains("this is not json"), text)
    }

    func testWrongABIVersionIsRefusedAtStart() throws {
        let text = assertPluginError(.abiVersion, naming: "misbehaving") { try self.assign(try self.misbehaving("wrong_abi"), "misbehaving") }
        XCTAssertTrue(text.contains("speaks ABI version 99, this idgenrec speaks 1"), text)
    }

    func testExitBeforeDescribe() throws {
        let text = assertPluginError(.crashed, naming: "misbehaving") { try self.assign(try self.misbehaving("exit_early"), "misbehaving") }
        XCTAssertTrue(text.contains("exited with status 3"), text)
        XCTAssertTrue(text.contains("giving up before describe"), text)
    }

    func testLyingDuplicateAndErrorReplies() throws {
        let lie = assertPluginError(.badReply, naming: "misbehaving") { try self.assign(try self.misbehaving("lie"), "misbehaving") }
        XCTAssertTrue(lie.contains("returned 5 ids for 6 catalog items"), lie)
        let dup = assertPluginError(.badReply, naming: "misbehaving") { try self.assign(try self.misbehaving("duplicate"), "misbehaving") }
        XCTAssertTrue(dup.contains("items 0 and 5 both got the id 'item 0'"), dup)
        assertPluginError(.errorReply, naming: "misbehaving") { try self.assign(try self.misbehaving("error"), "misbehaving") }
        // The host survived every misbehaviour above: a good plugin still answers.
        assertValidAssignment(try assign(try misbehaving("good"), "misbehaving"), count: Fixtures.catalog.count)
    }

    func testCommandNotFound() throws {
        let r = try registry(name: "nothing", location: #""command": ["idgenrec-no-such-program-xyz"], "timeout_seconds": 5"#)
        let text = assertPluginError(.crashed, naming: "nothing") { try self.assign(r, "nothing") }
        XCTAssertTrue(text.contains("No such file"), text)
    }
}
