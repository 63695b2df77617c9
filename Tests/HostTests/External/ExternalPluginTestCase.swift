import XCTest
import IDGenHost

/// Shared set-up for the bridge tests: a registry with a one-entry manifest written to a scratch folder.
class ExternalPluginTestCase: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try Fixtures.scratch("ext-\(name)") }

    /// A registry that knows one external item-ids plugin `name`, described by the JSON `location` keys.
    func registry(name: String, location: String) throws -> ComponentRegistry {
        let url = dir.appendingPathComponent("plugins-\(name).json")
        try Fixtures.write(#"{"plugins": [{"name": "\#(name)", "kind": "item-ids", "summary": "test", \#(location)}]}"#, to: url)
        let r = try ComponentRegistry(registrations: testRegistrations)
        try r.install(try PluginManifest.load(url))
        return r
    }

    func assign(_ r: ComponentRegistry, _ name: String, params: String = "{}", catalog: [CatalogItem] = Fixtures.catalog) throws -> ItemIDAssignment {
        let s = try r.make(ItemIDStrategy.self, .itemIDs, name, params: try JSONValue.parse(params))
        return try s.assign(ItemIDInput(catalog: catalog, trainingSequences: [[0, 1, 2], [3, 4]], seed: 7))
    }

    /// Asserts the call fails with a `PluginError` of `reason` that names the plugin; returns its text.
    @discardableResult
    func assertPluginError(_ reason: PluginError.Reason, naming plugin: String, file: StaticString = #filePath, line: UInt = #line,
                           _ body: () throws -> Any) -> String {
        do {
            _ = try body()
            XCTFail("expected a \(reason) error", file: file, line: line)
            return ""
        } catch let e as PluginError {
            XCTAssertEqual(e.reason, reason, "\(e)", file: file, line: line)
            XCTAssertTrue(e.description.hasPrefix("plugin '\(plugin)' ("), e.description, file: file, line: line)
            return e.description
        } catch {
            XCTFail("expected a PluginError, got \(error)", file: file, line: line)
            return ""
        }
    }

    func assertValidAssignment(_ a: ItemIDAssignment, count: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.ids.count, count, file: file, line: line)
        XCTAssertEqual(Set(a.ids).count, count, "ids not unique: \(a.ids)", file: file, line: line)
        XCTAssertFalse(a.ids.contains { $0.isEmpty }, file: file, line: line)
    }
}
