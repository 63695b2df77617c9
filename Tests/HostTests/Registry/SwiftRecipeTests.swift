import XCTest
import IDGenHost

// The Swift recipe of Sources/Plugins/README.md, verbatim: the test below fails if the README's code and
// this file drift apart, so the recipe stays true.

/// First `count` words of an item's text, numbered on collision.
public struct FirstWordsIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        public var count = 2
        public init() {}
    }

    public let config: Config
    public init(config: Config) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        var used: [String: Int] = [:]
        let ids = input.catalog.map { item -> String in
            let base = item.text.lowercased().split(separator: " ").prefix(config.count).joined(separator: " ")
            used[base, default: 0] += 1
            return used[base]! == 1 ? base : "\(base) \(used[base]!)"
        }
        return ItemIDAssignment(ids: ids)
    }
}

let builtinFirstWords: [ComponentRegistration] = [
    .init(name: "first-words", summary: "first words of the item text", config: FirstWordsIDs.Config.self) { FirstWordsIDs(config: $0) },
]

/// The catalog every README recipe test uses.
let recipeCatalog = [
    CatalogItem(rawID: "1", text: "Calvin Klein Eau of Parfum"),
    CatalogItem(rawID: "2", text: "Calvin Harris Eau of Parfum"),
    CatalogItem(rawID: "3", text: "Oriental Oud Oil"),
]

final class SwiftRecipeTests: XCTestCase {
    func testRecipeBuildsByNameWithParams() throws {
        let catalog = recipeCatalog
        let registry = try ComponentRegistry(registrations: builtinFirstWords)
        let ids = try registry.make(ItemIDStrategy.self, .itemIDs, "first-words", params: try JSONValue.parse(#"{"count": 1}"#))
            .assign(ItemIDInput(catalog: catalog, trainingSequences: [], seed: 1)).ids
        XCTAssertEqual(ids, ["calvin", "calvin 2", "oriental"])
        XCTAssertEqual(try registry.entry(.itemIDs, "first-words").schema.keys.map(\.name), ["count"])
        XCTAssertThrowsError(try registry.make(.itemIDs, "first-words", params: try JSONValue.parse(#"{"cuont": 3}"#))) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'count'?"), "\(error)")
        }
    }

    func testReadmeSwiftRecipeIsThisFile() throws {
        let readme = try ReadmeRecipes.load()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let code = try XCTUnwrap(readme["swift"])
        XCTAssertTrue(source.contains(code), "README's Swift recipe differs from SwiftRecipeTests.swift; update one to match the other")
        let line = try XCTUnwrap(readme["swift-registration"]).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(source.contains(line), "README's registration line differs from SwiftRecipeTests.swift")
    }
}
