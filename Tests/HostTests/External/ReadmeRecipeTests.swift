import XCTest
import IDGenHost

/// The C and Python recipes of Sources/Plugins/README.md, cut out of the README, built/started, listed in a
/// manifest and run end to end — so the recipes a researcher copies are known to work.
final class ReadmeRecipeTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try Fixtures.scratch("recipe-\(name)") }

    func manifest(_ entry: String) throws -> URL {
        let url = dir.appendingPathComponent("my-plugins.json")
        try Fixtures.write(#"{"plugins": [\#(entry)]}"#, to: url)
        return url
    }

    func testCRecipe() throws {
        let source = dir.appendingPathComponent("numbered_ids.c")
        try Fixtures.write(try XCTUnwrap(try ReadmeRecipes.load()["c"]), to: source)
        _ = try Fixtures.compilePlugin(source, into: dir, name: "numbered")
        let myPluginsJSON = try manifest(#"{"name": "numbered", "kind": "item-ids", "summary": "catalog position", "library": "libnumbered.so"}"#)
        let catalog = recipeCatalog
        let registry = try ComponentRegistry.load(extra: [myPluginsJSON], root: nil)
        let a = try registry.make(ItemIDStrategy.self, .itemIDs, "numbered").assign(ItemIDInput(catalog: catalog, trainingSequences: [], seed: 1))
        XCTAssertEqual(a.ids, ["<n_0>", "<n_1>", "<n_2>"])
        XCTAssertEqual(a.addedTokens, a.ids)
        XCTAssertTrue(PluginHealth.check(registry).allSatisfy(\.isHealthy))
    }

    func testPythonRecipe() throws {
        try Fixtures.requirePython()
        try Fixtures.write(try XCTUnwrap(try ReadmeRecipes.load()["python"]), to: dir.appendingPathComponent("last_words.py"))
        let myPluginsJSON = try manifest(#"{"name": "last-words", "kind": "item-ids", "summary": "last two words", "command": ["python3", "last_words.py"]}"#)
        let catalog = recipeCatalog
        let registry = try ComponentRegistry.load(extra: [myPluginsJSON], root: nil)
        let a = try registry.make(ItemIDStrategy.self, .itemIDs, "last-words").assign(ItemIDInput(catalog: catalog, trainingSequences: [], seed: 1))
        XCTAssertEqual(a.ids, ["of parfum", "of parfum 2", "oud oil"])
    }
}
