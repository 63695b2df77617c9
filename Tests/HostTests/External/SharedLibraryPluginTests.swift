import XCTest
import IDGenHost

/// The C ABI bridge end to end: the example hashed-ngrams plugin compiled with `cc` assigns IDs through
/// dlopen; misbehaving libraries (wrong ABI, missing symbol, invalid JSON, lying or error replies) each give
/// the right error naming the plugin, and the host carries on.
final class SharedLibraryPluginTests: ExternalPluginTestCase {
    func testHashedNgramsAssignsUniqueCodesThroughTheRealBridge() throws {
        let lib = try Fixtures.compilePlugin(Fixtures.root.appendingPathComponent("Examples/plugins/hashed_ngrams.c"), into: dir, name: "hashed_ngrams")
        let r = try registry(name: "hashed-ngrams", location: #""library": "\#(lib.lastPathComponent)", "config": {"n": 2, "buckets": 512, "code_length": 3}"#)
        let a = try assign(r, "hashed-ngrams")
        assertValidAssignment(a, count: Fixtures.catalog.count)
        // Codes are atomic tokens, every one of them declared so the tokenizer never splits it.
        for id in a.ids {
            let tokens = id.split(separator: ">").map { $0 + ">" }
            XCTAssertTrue((1...4).contains(tokens.count), id)
            for t in tokens { XCTAssertTrue(a.addedTokens.contains(String(t)), "\(t) of \(id) not in added_tokens") }
        }
        // Items 5 and 6 share their title words: the disambiguator keeps them apart, and the report says so.
        XCTAssertTrue(a.ids[5].hasSuffix("<d_1>") || a.ids[4] != a.ids[5], "\(a.ids)")
        XCTAssertNotNil(a.report["collisions"])
        // Deterministic from params and seed; params reach the plugin (code_length 1 → one code token + maybe <d_k>).
        XCTAssertEqual(try assign(r, "hashed-ngrams").ids, a.ids)
        let short = try assign(r, "hashed-ngrams", params: #"{"code_length": 1, "buckets": 4}"#)
        assertValidAssignment(short, count: Fixtures.catalog.count)
        XCTAssertTrue(short.ids.contains { $0.contains("<d_") }, "4 buckets for 6 items must collide: \(short.ids)")
    }

    func testPluginErrorReplyAndBadParamsAreReported() throws {
        let lib = try Fixtures.compilePlugin(Fixtures.root.appendingPathComponent("Examples/plugins/hashed_ngrams.c"), into: dir, name: "hashed_ngrams")
        let r = try registry(name: "hashed-ngrams", location: #""library": "\#(lib.lastPathComponent)", "config": {"n": 2, "buckets": 512, "code_length": 3}"#)
        let text = assertPluginError(.errorReply, naming: "hashed-ngrams") { try self.assign(r, "hashed-ngrams", params: #"{"buckets": 1}"#) }
        XCTAssertTrue(text.contains("buckets >= 2"), text)
        XCTAssertThrowsError(try assign(r, "hashed-ngrams", params: #"{"bucket": 4}"#)) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'buckets'?"), "\(error)")
        }
    }

    func misbehaving(_ define: String?) throws -> ComponentRegistry {
        let lib = try Fixtures.compilePlugin(Fixtures.url("plugins/misbehaving.c"), into: dir, name: "misbehaving_\(define ?? "good")",
                                             defines: define.map { [$0] } ?? [])
        return try registry(name: "misbehaving", location: #""library": "\#(lib.lastPathComponent)""#)
    }

    func testWrongABIVersionIsRefused() throws {
        let r = try misbehaving("WRONG_ABI")
        let text = assertPluginError(.abiVersion, naming: "misbehaving") { try self.assign(r, "misbehaving") }
        XCTAssertTrue(text.contains("was built for ABI version 99, this idgenrec speaks 1"), text)
    }

    func testMissingSymbolIsReported() throws {
        let r = try misbehaving("MISSING_CALL")
        let text = assertPluginError(.missingSymbol, naming: "misbehaving") { try self.assign(r, "misbehaving") }
        XCTAssertTrue(text.contains("does not export idgenrec_plugin_call()"), text)
    }

    func testInvalidDescribeJSONAndInvalidReply() throws {
        assertPluginError(.invalidJSON, naming: "misbehaving") { try self.assign(try self.misbehaving("BAD_JSON"), "misbehaving") }
        let text = assertPluginError(.invalidJSON, naming: "misbehaving") { try self.assign(try self.misbehaving("BAD_REPLY"), "misbehaving") }
        XCTAssertTrue(text.contains("ids: all of them"), text)
    }

    func testLyingAndErrorReplies() throws {
        let text = assertPluginError(.badReply, naming: "misbehaving") { try self.assign(try self.misbehaving("LYING"), "misbehaving") }
        XCTAssertTrue(text.contains("returned 5 ids for 6 catalog items"), text)
        assertPluginError(.errorReply, naming: "misbehaving") { try self.assign(try self.misbehaving("ERROR_REPLY"), "misbehaving") }
        // The host survived all of the above: a well-behaved build of the same fixture still works.
        assertValidAssignment(try assign(try misbehaving(nil), "misbehaving"), count: Fixtures.catalog.count)
    }

    func testMissingLibraryFileSaysHowToBuildIt() throws {
        let r = try registry(name: "ghost", location: #""library": "build/libghost.so""#)
        let text = assertPluginError(.load, naming: "ghost") { try self.assign(r, "ghost") }
        XCTAssertTrue(text.contains("no such file; build it first"), text)
    }

    func testComponentNotOfferedByThePlugin() throws {
        let lib = try Fixtures.compilePlugin(Fixtures.url("plugins/misbehaving.c"), into: dir, name: "misbehaving_named")
        let r = try registry(name: "misbehavin", location: #""library": "\#(lib.lastPathComponent)""#)
        let text = assertPluginError(.notOffered, naming: "misbehavin") { try self.assign(r, "misbehavin") }
        XCTAssertTrue(text.contains("did you mean 'misbehaving'?"), text)
    }
}
