import XCTest
import IDGenKernel

/// Config decoding as every component uses it: defaults, snake_case keys, unknown keys and ill-typed values.
final class ConfigCodecTests: XCTestCase {
    struct BeamConfig: ComponentConfig, Equatable {
        var beamSize = 20
        var lengthPenalty = 1.0
        var itemIDsFile: String? = nil
        var groups: [Int] = [1, 2]
        var inner = Inner()
        struct Inner: Codable, Equatable { var maxLength = 8 }
    }

    struct ExplicitKeys: Codable, Equatable {
        var topK = 10
        enum CodingKeys: String, CodingKey { case topK = "top_k" }
    }

    func decode(_ json: String) -> Result<BeamConfig, ComponentConfigProblems> {
        ConfigCodec.decode(BeamConfig.self, from: try! JSONValue.parse(json), defaults: BeamConfig())
    }

    func testDefaultsFillMissingKeysEvenWithSynthesizedCodable() throws {
        let c = try decode(#"{"beam_size": 5}"#).get()
        XCTAssertEqual(c.beamSize, 5)
        XCTAssertEqual(c.lengthPenalty, 1.0)
        XCTAssertEqual(c.groups, [1, 2])
        XCTAssertEqual(try ConfigCodec.decode(BeamConfig.self, from: .null, defaults: BeamConfig()).get(), BeamConfig())
    }

    func testSchemaListsSnakeCaseKeysWithDefaultsAndOptionals() throws {
        let s = try ConfigCodec.schema(defaults: BeamConfig())
        XCTAssertEqual(s.names, ["beam_size", "length_penalty", "groups", "inner", "item_ids_file"])
        XCTAssertEqual(s.key("beam_size")?.type, "integer")
        XCTAssertEqual(s.key("length_penalty")?.type, "number")
        XCTAssertEqual(s.key("item_ids_file")?.type, "any")
        XCTAssertEqual(try ConfigCodec.schema(defaults: ExplicitKeys()).names, ["top_k"])
    }

    func testOptionalKeyAndNestedOverlay() throws {
        let c = try decode(#"{"item_ids_file": "ids.txt", "inner": {"max_length": 3}}"#).get()
        XCTAssertEqual(c.itemIDsFile, "ids.txt")
        XCTAssertEqual(c.inner.maxLength, 3)
    }

    func testUnknownKeysAreRejectedWithSuggestion() {
        guard case let .failure(e) = decode(#"{"beem_size": 5, "colour": 1}"#) else { return XCTFail("accepted a typo") }
        XCTAssertEqual(e.problems.count, 2)
        XCTAssertEqual(e.problems[0].key, "beem_size")
        XCTAssertTrue(e.problems[0].message.contains("did you mean 'beam_size'?"), e.description)
        XCTAssertTrue(e.problems[1].message.contains("known keys: beam_size"), e.description)
    }

    func testUnknownNestedKeyIsRejected() {
        guard case let .failure(e) = decode(#"{"inner": {"max_lenght": 3}}"#) else { return XCTFail("accepted a nested typo") }
        XCTAssertEqual(e.problems.map(\.key), ["inner.max_lenght"])
    }

    func testAllIllTypedValuesAreReportedAtOnce() {
        guard case let .failure(e) = decode(#"{"beam_size": "ten", "length_penalty": true, "groups": 3}"#) else {
            return XCTFail("accepted ill-typed values")
        }
        XCTAssertEqual(e.problems.map(\.key), ["beam_size", "length_penalty", "groups"])
        XCTAssertTrue(e.problems[0].message.contains("expected an integer, found string \"ten\""), e.description)
    }

    func testNonIntegralNumberForIntegerAndIntegerForNumber() throws {
        XCTAssertNotNil(try? decode(#"{"length_penalty": 2}"#).get())
        guard case let .failure(e) = decode(#"{"beam_size": 2.5}"#) else { return XCTFail("accepted 2.5 as an integer") }
        XCTAssertEqual(e.problems.first?.key, "beam_size")
    }

    func testDecodeErrorsInsideArraysNameThePosition() {
        guard case let .failure(e) = decode(#"{"groups": [1, "two"]}"#) else { return XCTFail("accepted a string in [Int]") }
        XCTAssertEqual(e.problems.first?.key, "groups[1]")
    }

    func testFloatDefaultsListAsWritten() throws {
        struct Rates: ComponentConfig { var weightDecay: Float = 0.01 }
        XCTAssertEqual(try ConfigCodec.schema(defaults: Rates()).key("weight_decay")?.defaultValue, .double(0.01))
    }

    func testSnakeCase() {
        XCTAssertEqual(SnakeCase.from(camel: "beamSize"), "beam_size")
        XCTAssertEqual(SnakeCase.from(camel: "itemIDsFile"), "item_ids_file")
        XCTAssertEqual(SnakeCase.from(camel: "maxURLLength"), "max_url_length")
        XCTAssertEqual(SnakeCase.from(camel: "top_k"), "top_k")
        XCTAssertEqual(SnakeCase.from(camel: "hr10"), "hr10")
    }

    func testClosestName() {
        XCTAssertEqual(ClosestName.suggestion(for: "texual", among: ["sequential", "textual", "title"]), "textual")
        XCTAssertNil(ClosestName.suggestion(for: "zzzzzz", among: ["sequential", "textual"]))
        XCTAssertEqual(ClosestName.distance("kitten", "sitting"), 3)
    }
}
