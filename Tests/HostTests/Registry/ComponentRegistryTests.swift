import XCTest
import IDGenHost

/// The name → component table: duplicates, unknown names, typed construction, declared capabilities.
final class ComponentRegistryTests: XCTestCase {
    func testDuplicateNamesFailAtStartUp() {
        let twice = testRegistrations + [.init(name: "index", summary: "again", config: IndexIDs.Config.self) { IndexIDs(config: $0) }]
        XCTAssertThrowsError(try ComponentRegistry(registrations: twice)) { error in
            XCTAssertEqual(error as? RegistryError, .duplicate(kind: .itemIDs, name: "index", first: "the built-in registration lists",
                                                                second: "the built-in registration lists"))
            XCTAssertTrue("\(error)".contains("duplicate item-ids name 'index'"), "\(error)")
        }
    }

    func testSameNameInDifferentKindsIsFine() throws {
        let r = try ComponentRegistry(registrations: testRegistrations + [
            .init(kind: .userIDs, name: "index", summary: "user index", config: NoConfig.self) { ConfiguredStage(config: $0) },
        ])
        XCTAssertTrue(r.contains(.userIDs, "index"))
        XCTAssertTrue(r.contains(.itemIDs, "index"))
    }

    func testUnknownNameSuggestsClosestAndListsKnown() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        XCTAssertThrowsError(try r.entry(.itemIDs, "generatd")) { error in
            XCTAssertEqual("\(error)", "unknown item-ids 'generatd': did you mean 'generated'? known: index, generated, claimed")
        }
        XCTAssertThrowsError(try r.entry(.itemIDs, "qqqqqqqq")) { error in
            XCTAssertEqual("\(error)", "unknown item-ids 'qqqqqqqq': known: index, generated, claimed")
        }
    }

    func testMakeDecodesParamsAndChecksProductType() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        let s = try r.make(ItemIDStrategy.self, .itemIDs, "index", params: try JSONValue.parse(#"{"prefix": "p"}"#))
        XCTAssertEqual(try s.assign(ItemIDInput(catalog: Array(Fixtures.catalog.prefix(2)), trainingSequences: [], seed: 1)).ids, ["p 0", "p 1"])
        XCTAssertThrowsError(try r.make(ItemIDStrategy.self, .trainer, "alternate")) { error in
            XCTAssertTrue("\(error)".contains("is not a ItemIDStrategy") || "\(error)".contains("which is not a"), "\(error)")
        }
        XCTAssertThrowsError(try r.make(.itemIDs, "index", params: try JSONValue.parse(#"{"prefx": "p", "extra": 1}"#))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("item-ids 'index': key 'prefx': unknown key; did you mean 'prefix'?"), text)
            XCTAssertTrue(text.contains("key 'extra'"), text)
        }
    }

    func testCapabilitiesComeFromTypeAndRegistrationLine() throws {
        let r = try ComponentRegistry(registrations: testRegistrations)
        XCTAssertEqual(try r.entry(.itemIDs, "generated").provides, [.tokenSequenceIDs, .trainableIDGenerator])
        XCTAssertEqual(try r.entry(.itemIDs, "index").provides, [.tokenSequenceIDs])
        XCTAssertEqual(try r.entry(.itemIDs, "claimed").provides, [.tokenSequenceIDs], "a protocol-backed capability follows the type, not the claim")
        XCTAssertEqual(try r.entry(.trainer, "recommender").provides, [.trainsRecommender])
        XCTAssertEqual(try r.entry(.trainer, "warm-up").provides, [])
        XCTAssertEqual(try r.entry(.trainer, "alternate").requires.map(\.capability), [.trainableIDGenerator])
        XCTAssertEqual(try r.entry(.decoder, "trie-beam").schema.names, ["beam_size", "max_length"])
    }

    func testBuiltinRegistrationListsHaveNoDuplicates() throws {
        let r = try ComponentRegistry.builtins()
        XCTAssertEqual(r.entries.count, BuiltinComponents.all.count)
    }
}
