import XCTest
import IDGenHost

/// plugins.json parsing: a good manifest, at least ten malformed ones (each error names the file and the
/// entry), the shadowing rule, and built-in entries that must exist.
final class PluginManifestTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try Fixtures.scratch("manifest-\(name)") }

    func manifest(_ text: String, file: String = "plugins.json") throws -> URL {
        let url = dir.appendingPathComponent(file)
        try Fixtures.write(text, to: url)
        return url
    }

    /// Loads `text` expecting failure; returns the problems' text and checks it names the file.
    func problems(_ text: String) throws -> [String] {
        let url = try manifest(text)
        do {
            _ = try PluginManifest.load(url)
            XCTFail("accepted a malformed manifest: \(text)")
            return []
        } catch let e as ManifestError {
            XCTAssertEqual(e.file, url.path)
            XCTAssertTrue(e.description.hasPrefix(url.path + ": "), e.description)
            return e.problems.map(\.description)
        }
    }

    func testGoodManifestParsesAllThreeLocations() throws {
        let url = try manifest("""
        {"comment": "x", "plugins": [
          {"name": "index", "kind": "item-ids", "summary": "item <n>", "builtin": true},
          {"name": "hashed", "kind": "item-ids", "summary": "hashed", "library": "lib/libh.so", "config": {"n": 2}},
          {"name": "words", "kind": "metric", "summary": "w", "command": ["python3", "w.py"], "timeout_seconds": 5, "provides": ["x"]}
        ]}
        """)
        let m = try PluginManifest.load(url)
        XCTAssertEqual(m.entries.map(\.name), ["index", "hashed", "words"])
        XCTAssertEqual(m.entries[0].origin, .builtin)
        XCTAssertEqual(m.entries[1].origin, .library(dir.appendingPathComponent("lib/libh.so").standardizedFileURL))
        guard case let .command(argv, folder) = m.entries[2].origin else { return XCTFail("not a command") }
        XCTAssertEqual(argv, ["python3", "w.py"])
        XCTAssertEqual(folder.path, dir.standardizedFileURL.path)
        XCTAssertEqual(m.entries[2].timeoutSeconds, 5)
        XCTAssertEqual(m.entries[2].provides, ["x"])
    }

    func testInvalidJSONNamesLineAndColumn() throws {
        let p = try problems("{\"plugins\": [\n  {\"name\": \"x\",, }\n]}")
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p[0].hasPrefix("line 2, column"), p[0])
    }

    func testTopLevelMustBeObjectWithPluginsArray() throws {
        XCTAssertTrue(try problems("[]")[0].contains("expected a JSON object"))
        XCTAssertEqual(try problems("{}"), ["missing the \"plugins\" array"])
        XCTAssertTrue(try problems(#"{"plugins": {}}"#)[0].contains("must be an array"))
        XCTAssertTrue(try problems(#"{"plugin": []}"#).contains { $0.contains("unknown top-level key 'plugin'; did you mean 'plugins'?") })
    }

    func testEntryMustBeObject() throws {
        XCTAssertEqual(try problems(#"{"plugins": ["textual"]}"#),
                       ["entry 1: expected an object with name, kind, summary and one of builtin/library/command, found string"])
    }

    func testMissingNameKindSummary() throws {
        let p = try problems(#"{"plugins": [{"builtin": true}]}"#)
        XCTAssertEqual(p, ["entry 1: missing \"name\"", "entry 1: missing \"kind\"", "entry 1: missing \"summary\" (one line saying what it does)"])
    }

    func testBadNameAndUnknownKindWithSuggestion() throws {
        let p = try problems(#"{"plugins": [{"name": "My IDs", "kind": "item-id", "summary": "s", "builtin": true}]}"#)
        XCTAssertTrue(p[0].hasPrefix("entry 1 ('My IDs'): name 'My IDs' must be"), p[0])
        XCTAssertTrue(p[1].contains("unknown kind 'item-id'; did you mean 'item-ids'?"), p[1])
    }

    func testLocationMissingOrAmbiguous() throws {
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s"}]}"#)[0].contains("says nowhere where it lives"))
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "builtin": true, "library": "x.so"}]}"#)[0]
            .contains("gives builtin and library; give exactly one"))
    }

    func testBuiltinMustBeTrueAndCommandMustBeArgv() throws {
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "builtin": "yes"}]}"#)[0].contains("\"builtin\" must be true"))
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "command": "python3 a.py"}]}"#)[0].contains("non-empty array of strings"))
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "command": []}]}"#)[0].contains("non-empty array of strings"))
        XCTAssertTrue(try problems(#"{"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "library": 3}]}"#)[0].contains("\"library\" must be a path"))
    }

    func testModelsCannotBeExternal() throws {
        let p = try problems(#"{"plugins": [{"name": "gpt", "kind": "model", "summary": "s", "command": ["gpt"]}]}"#)
        XCTAssertTrue(p[0].hasPrefix("entry 1 ('gpt'): kind 'model' cannot be external"), p[0])
    }

    func testUnknownKeyAndIllTypedOptionalKeys() throws {
        let p = try problems("""
        {"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "command": ["x"], "timeout": 3,
                      "timeout_seconds": -1, "replaces": "yes", "config": [1], "provides": "x"}]}
        """)
        XCTAssertTrue(p.contains { $0.contains("unknown key 'timeout'; did you mean 'timeout_seconds'?") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("\"timeout_seconds\" must be a positive number") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("\"replaces\" must be true or false") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("\"config\" must be an object") }, "\(p)")
        XCTAssertTrue(p.contains { $0.contains("\"provides\" must be an array") }, "\(p)")
    }

    func testDuplicateWithinOneFile() throws {
        let p = try problems("""
        {"plugins": [{"name": "a", "kind": "item-ids", "summary": "s", "command": ["x"]},
                     {"name": "a", "kind": "item-ids", "summary": "t", "command": ["y"]}]}
        """)
        XCTAssertEqual(p, ["entry 2 ('a'): item-ids 'a' is already listed by entry 1 of this file; remove one"])
    }

    func testAllProblemsOfAllEntriesAreReportedTogether() throws {
        let p = try problems(#"{"plugins": [{"name": "a"}, 7, {"name": "b", "kind": "x", "summary": "s", "builtin": true}]}"#)
        XCTAssertTrue(p.contains { $0.hasPrefix("entry 1 ('a')") })
        XCTAssertTrue(p.contains { $0.hasPrefix("entry 2:") })
        XCTAssertTrue(p.contains { $0.hasPrefix("entry 3 ('b')") })
    }

    // MARK: installing into the registry

    func testBuiltinEntryMustBeCompiledIn() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        let m = try PluginManifest.load(try manifest(#"{"plugins": [{"name": "indx", "kind": "item-ids", "summary": "s", "builtin": true}]}"#))
        XCTAssertThrowsError(try r.install(m)) { error in
            XCTAssertTrue("\(error)".contains("entry 1 ('indx'): no built-in item-ids named 'indx' is compiled into this idgenrec; did you mean 'index'?"), "\(error)")
        }
    }

    func testShadowingNeedsReplaces() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        let shadow = try PluginManifest.load(try manifest(#"{"plugins": [{"name": "index", "kind": "item-ids", "summary": "mine", "command": ["x"]}]}"#, file: "user.json"))
        XCTAssertThrowsError(try r.install(shadow)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("user.json: entry 1 ('index'): item-ids 'index' is already provided by the built-in registration lists; add \"replaces\": true"), text)
        }
        XCTAssertEqual(try r.entry(.itemIDs, "index").origin, .builtin)

        let explicit = try PluginManifest.load(try manifest(#"{"plugins": [{"name": "index", "kind": "item-ids", "summary": "mine", "command": ["x"], "replaces": true}]}"#, file: "user2.json"))
        try r.install(explicit)
        XCTAssertEqual(try r.entry(.itemIDs, "index").summary, "mine")
        XCTAssertEqual(try r.entry(.itemIDs, "index").origin.description, "command x")
    }

    func testReplacesWithNothingToReplaceIsAnError() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        let m = try PluginManifest.load(try manifest(#"{"plugins": [{"name": "indexx", "kind": "item-ids", "summary": "s", "command": ["x"], "replaces": true}]}"#))
        XCTAssertThrowsError(try r.install(m)) { error in
            XCTAssertTrue("\(error)".contains("there is no earlier item-ids 'indexx' to replace; did you mean 'index'?"), "\(error)")
        }
    }

    func testRootManifestListsOnlyCompiledBuiltins() throws {
        let r = try ComponentRegistry.builtins()
        let m = try PluginManifest.load(Fixtures.root.appendingPathComponent("plugins.json"))
        try r.install(m)
        for e in m.entries where e.origin == .builtin { XCTAssertTrue(r.contains(e.kind, e.name)) }
        for e in r.entries where e.origin == .builtin { XCTAssertTrue(r.isListed(e), "\(e.label) is compiled in but missing from plugins.json") }
    }

    func testExampleManifestParsesAndInstalls() throws {
        let r = try ComponentRegistry.builtins()
        try r.install(try PluginManifest.load(Fixtures.root.appendingPathComponent("Examples/plugins/plugins.json")))
        XCTAssertEqual(try r.entry(.itemIDs, "hashed-ngrams").schema.names, ["n", "buckets", "code_length"])
        XCTAssertEqual(try r.entry(.itemIDs, "title-words").timeoutSeconds, 60)
    }
}

/// The generated root manifest lists every compiled-in built-in and keeps external entries.
final class BuiltinManifestTests: XCTestCase {
    func testGeneratedManifestListsBuiltinsAndKeepsExternalEntries() throws {
        let dir = try Fixtures.scratch("builtin-manifest")
        let url = dir.appendingPathComponent("plugins.json")
        try Fixtures.write(#"{"plugins": [{"name": "mine", "kind": "item-ids", "summary": "s", "library": "build/libmine.so", "config": {"n": 2}}]}"#, to: url)
        let registry = try ComponentRegistry(registrations: testRegistrations)
        let json = PluginManifest.withBuiltins(of: registry, keeping: try PluginManifest.load(url))
        try Fixtures.write(json.serialized(pretty: true), to: url)
        let reread = try PluginManifest.load(url)
        XCTAssertEqual(reread.entries.map(\.name), testRegistrations.map(\.name) + ["mine"])
        XCTAssertEqual(reread.entries.last?.origin, .library(dir.appendingPathComponent("build/libmine.so").standardizedFileURL))
        let fresh = try ComponentRegistry(registrations: testRegistrations)
        try fresh.install(reread)
        XCTAssertTrue(fresh.entries.allSatisfy { fresh.isListed($0) })
    }
}
