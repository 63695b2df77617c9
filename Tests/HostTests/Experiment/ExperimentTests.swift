import XCTest
import IDGenHost

/// Experiment files and `--set` overrides: stage syntax, precedence CLI > file > defaults, and structural
/// problems collected rather than thrown one at a time.
final class ExperimentTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try Fixtures.scratch("exp-\(name)") }

    func write(_ text: String) throws -> URL {
        let url = dir.appendingPathComponent("exp.json")
        try Fixtures.write(text, to: url)
        return url
    }

    let file = """
    {"seed": 3, "budget": {"steps": 100},
     "decoder": {"component": "trie-beam", "beam_size": 10},
     "item_ids": "index", "metrics": ["hr@k", {"component": "ndcg@k", "k": 5}]}
    """

    func testStagesParseInRunOrderWithParams() throws {
        let (e, problems) = try Experiment.read(try write(file))
        XCTAssertEqual(problems, [])
        XCTAssertEqual(e.seed, 3)
        XCTAssertEqual(e.budget, Budget(steps: 100))
        XCTAssertEqual(e.pipeline.names, ["item_ids", "decoder", "metrics"])
        XCTAssertEqual(e.pipeline[.decoder]?.choice, ComponentChoice(name: "trie-beam", params: .object([("beam_size", .int(10))])))
        XCTAssertEqual(e.pipeline[.metrics]?.choices.map(\.name), ["hr@k", "ndcg@k"])
        XCTAssertEqual(e.outputDir, "runs/exp")
    }

    func testOverridePrecedenceCLIOverFileOverDefaults() throws {
        let registry = try ComponentRegistry(registrations: testRegistrations)
        let url = try write(file)
        func beam(_ overrides: [String]) throws -> JSONValue? {
            let (e, problems) = try Experiment.read(url, overrides: overrides)
            XCTAssertEqual(problems, [])
            let choice = try XCTUnwrap(e.pipeline[.decoder]?.choice)
            return e.resolvedParams(choice, kind: .decoder, registry: registry)["beam_size"]
        }
        XCTAssertEqual(try beam([]), .int(10), "file over default 20")
        XCTAssertEqual(try beam(["decoder.beam_size=5"]), .int(5), "CLI over file")
        let (e, _) = try Experiment.read(url, overrides: ["decoder.beam_size=5"])
        let resolved = e.resolvedJSON(registry: registry)
        XCTAssertEqual(resolved["decoder"]?["max_length"], .int(12), "default where neither says")
        XCTAssertEqual(resolved["sources"]?["decoder.beam_size"], .string("cli"))
        XCTAssertEqual(resolved["sources"]?["item_ids"], .string("file"))
    }

    func testOverridesOfSettingsStagesAndLists() throws {
        let (e, problems) = try Experiment.read(try write(file), overrides: [
            "seed=9", "budget.minutes=2.5", "item_ids=generated", "item_ids.id_length=4", "metrics=hr@10,ndcg@10", "trainer=alternate",
        ])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(e.seed, 9)
        XCTAssertEqual(e.budget, Budget(steps: 100, minutes: 2.5))
        XCTAssertEqual(e.pipeline[.itemIDs]?.choice, ComponentChoice(name: "generated", params: .object([("id_length", .int(4))])))
        XCTAssertEqual(e.pipeline[.metrics]?.choices.map(\.name), ["hr@10", "ndcg@10"])
        XCTAssertEqual(e.pipeline[.trainer]?.choice?.name, "alternate")
        XCTAssertEqual(e.sources["seed"], .cli)
    }

    func testStructuralProblemsAreAllCollected() throws {
        let (_, problems) = try Experiment.read(try write("""
        {"seed": -1, "itemids": "index", "decoder": {"beam_size": 3}, "metrics": [3], "budget": {"step": 1}}
        """), overrides: ["nonsense", "decodr.beam_size=1", "metrics.k=3"])
        let text = problems.map(\.description)
        XCTAssertTrue(text.contains { $0.hasPrefix("--set nonsense: expected stage.key=value") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("--set decodr.beam_size=1: unknown stage or setting 'decodr'; did you mean 'decoder'?") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("--set metrics.k=3: metrics is a list") }, "\(text)")
        XCTAssertTrue(text.contains("seed: expected a non-negative integer, found -1"), "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("itemids: unknown stage or setting; did you mean 'item_ids'?") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("decoder: a stage object needs \"component\"") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("metrics[0]: expected a component name") }, "\(text)")
        XCTAssertTrue(text.contains { $0.hasPrefix("budget.step: unknown key; did you mean 'steps'?") }, "\(text)")
        XCTAssertEqual(problems.count, 8, "\(text)")
    }

    func testInvalidJSONIsOneProblemWithPosition() throws {
        XCTAssertThrowsError(try Experiment.read(try write("{\"seed\": 3,\n \"item_ids\" \"index\"}"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("line 2, column"), text)
            XCTAssertTrue(text.contains("exp.json: 1 problem (nothing was run)"), text)
        }
    }
}
