import XCTest
import IDGenHost

/// Whole-graph validation before work starts: unknown names with suggestions, unknown and ill-typed
/// params, unmet requirements between stages, missing files — all in one report, and nothing is built.
final class ExperimentValidatorTests: XCTestCase {
    var dir: URL!
    var registry: ComponentRegistry!
    override func setUpWithError() throws {
        dir = try Fixtures.scratch("val-\(name)")
        registry = try ComponentRegistry(registrations: testRegistrations + [
            .init(kind: .tokenizer, name: "words", summary: "t", config: NoConfig.self) { ConfiguredStage(config: $0) },
            .init(kind: .model, name: "t5", summary: "m", config: NoConfig.self) { ConfiguredStage(config: $0) },
            .init(kind: .model, name: "counting", summary: "counts builds", config: NoConfig.self) { _ -> ConfiguredStage<NoConfig> in
                ExperimentValidatorTests.builds += 1
                return ConfiguredStage(config: NoConfig())
            },
        ])
        ExperimentValidatorTests.builds = 0
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
    }
    static var builds = 0

    func write(_ text: String) throws -> URL {
        let url = dir.appendingPathComponent("exp.json")
        try Fixtures.write(text, to: url)
        return url
    }

    func report(_ text: String, overrides: [String] = []) throws -> [String] {
        do {
            _ = try ExperimentValidator(registry: registry).load(try write(text), overrides: overrides)
            XCTFail("validated a bad experiment")
            return []
        } catch let r as ValidationReport {
            return r.problems.map(\.description)
        }
    }

    let good = """
    {"dataset": {"component": "folder", "path": "data"}, "item_ids": "generated", "tokenizer": "words",
     "model": "t5", "trainer": "alternate", "metrics": ["hr@10", "ndcg@5"]}
    """

    func testGoodExperimentValidatesWithDefaultsAndAtSugar() throws {
        let e = try ExperimentValidator(registry: registry).load(try write(good))
        XCTAssertEqual(e.pipeline.names, ["dataset", "item_ids", "tokenizer", "model", "trainer", "decoder", "metrics"])
        XCTAssertEqual(e.pipeline[.decoder]?.origin, .defaulted)
        XCTAssertEqual(e.pipeline[.metrics]?.choices, [ComponentChoice(name: "hr@k", params: .object([("k", .int(10))])),
                                                       ComponentChoice(name: "ndcg@k", params: .object([("k", .int(5))]))])
        XCTAssertNil(e.pipeline[.split], "no split registered: left out, not required")
        XCTAssertNil(e.pipeline[.reporters], "default reporters table+json, but json is not registered: left out")
        let built = try registry.instantiate(e.pipeline)
        XCTAssertTrue(built[.itemIDs]?.first is ItemIDStrategy)
    }

    func testUnmetRequirementIsRefusedBeforeAnythingIsBuilt() throws {
        let problems = try report(good.replacingOccurrences(of: "\"generated\"", with: "\"index\"")
                                      .replacingOccurrences(of: "\"t5\"", with: "\"counting\""))
        XCTAssertEqual(problems, ["trainer: trainer 'alternate' needs item-ids providing 'trainable-id-generator' (alternate training updates the ID generator); "
                                  + "'index' in item_ids does not; components that do: generated"])
        XCTAssertEqual(ExperimentValidatorTests.builds, 0, "a component was built for a graph that cannot run")
    }

    func testTrainerStageTakesOnlyComponentsThatTrainTheRecommender() throws {
        let problems = try report(good.replacingOccurrences(of: "\"alternate\"", with: "\"warm-up\""))
        XCTAssertEqual(problems, ["trainer: trainer 'warm-up' cannot train the run's recommender (it does not provide 'trains-recommender'); "
                                  + "trainers that can: recommender, alternate"])
    }

    func testClaimedGeneratorCapabilityDoesNotSatisfyAlternate() throws {
        let problems = try report(good.replacingOccurrences(of: "\"generated\"", with: "\"claimed\""))
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems[0].contains("'claimed' in item_ids does not"), "\(problems)")
    }

    func testMissingStageForARequirement() throws {
        let problems = try report(#"{"dataset": {"component": "folder", "path": "data"}, "tokenizer": "words", "model": "t5", "trainer": "alternate"}"#)
        XCTAssertTrue(problems.contains { $0.hasPrefix("item_ids: missing stage: name a item-ids component; known: index, generated, claimed") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("trainer 'alternate' needs a item-ids stage providing 'trainable-id-generator'") }, "\(problems)")
    }

    func testAllProblemsInOneReport() throws {
        let problems = try report("""
        {"dataset": {"component": "folder", "path": "no/such/folder", "min_user_lenght": 5},
         "item_ids": "generatd", "tokenizer": "words", "model": {"component": "t5", "layers": 2},
         "decoder": {"component": "trie-beam", "beam_size": "wide"}, "metrics": ["hr@10", "mrr"], "colour": "blue"}
        """, overrides: ["seed=x"])
        let expected = [
            "seed: expected a non-negative integer",
            "colour: unknown stage or setting",
            "dataset: dataset 'folder': key 'min_user_lenght': unknown key; did you mean 'min_user_length'?",
            "dataset: dataset 'folder': key 'path': no such file or folder",
            "item_ids: unknown item-ids 'generatd'; did you mean 'generated'? known: index, generated",
            "model: model 't5': key 'layers': unknown key; known keys: (none)",
            "decoder: decoder 'trie-beam': key 'beam_size': expected an integer, found string \"wide\" (default: 20)",
            "metrics[1]: unknown metric 'mrr'; known: hr@k, ndcg@k",
        ]
        for e in expected { XCTAssertTrue(problems.contains { $0.hasPrefix(e) }, "missing \(e) in\n\(problems.joined(separator: "\n"))") }
        XCTAssertEqual(problems.count, expected.count, problems.joined(separator: "\n"))
    }

    func testExternalPluginFilesAreCheckedBeforeTheRun() throws {
        let manifest = dir.appendingPathComponent("plugins.json")
        try Fixtures.write("""
        {"plugins": [{"name": "hashed", "kind": "item-ids", "summary": "s", "library": "build/libnone.so"},
                     {"name": "script", "kind": "item-ids", "summary": "s", "command": ["no-such-interpreter-xyz", "x.py"]}]}
        """, to: manifest)
        try registry.install(try PluginManifest.load(manifest))
        let lib = try report(good.replacingOccurrences(of: "\"generated\"", with: "\"hashed\"").replacingOccurrences(of: "\"alternate\"", with: "\"recommender\""))
        XCTAssertTrue(lib.contains { $0.contains("plugin library") && $0.contains("build/libnone.so does not exist; build it") }, "\(lib)")
        let cmd = try report(good.replacingOccurrences(of: "\"generated\"", with: "\"script\"").replacingOccurrences(of: "\"alternate\"", with: "\"recommender\""))
        XCTAssertTrue(cmd.contains { $0.contains("plugin program 'no-such-interpreter-xyz' not found") }, "\(cmd)")
    }
}
