import XCTest
import IDGenHost

/// `--vary stage=a,b`: variants differ in exactly one stage, and all of them are validated up front.
final class ExperimentVariationTests: XCTestCase {
    var dir: URL!
    var registry: ComponentRegistry!
    override func setUpWithError() throws {
        dir = try Fixtures.scratch("vary-\(name)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        registry = try ComponentRegistry(registrations: testRegistrations + [
            .init(kind: .tokenizer, name: "words", summary: "t", config: NoConfig.self) { ConfiguredStage(config: $0) },
            .init(kind: .model, name: "t5", summary: "m", config: NoConfig.self) { ConfiguredStage(config: $0) },
        ])
    }

    func write(_ text: String) throws -> URL {
        let url = dir.appendingPathComponent("exp.json")
        try Fixtures.write(text, to: url)
        return url
    }

    let experiment = """
    {"dataset": {"component": "folder", "path": "data"}, "item_ids": {"component": "generated", "id_length": 4},
     "tokenizer": "words", "model": "t5", "trainer": "recommender", "metrics": ["hr@10"]}
    """

    func testVariantsDifferInExactlyOneStage() throws {
        let variants = try ExperimentValidator(registry: registry).loadVariants(try write(experiment), vary: "item_ids=index,generated")
        XCTAssertEqual(variants.map { $0.pipeline[.itemIDs]?.choice?.name }, ["index", "generated"])
        XCTAssertEqual(variants[1].pipeline[.itemIDs]?.choice?.params, .object([]), "params reset to the variant's defaults")
        XCTAssertEqual(variants.map(\.outputDir), ["runs/exp/index", "runs/exp/generated"])
        for stage in StageKey.allCases where stage != .itemIDs {
            XCTAssertEqual(variants[0].pipeline[stage], variants[1].pipeline[stage], "\(stage) differs between variants")
        }
    }

    func testEveryVariantIsValidatedBeforeAnyRuns() throws {
        let url = try write(experiment.replacingOccurrences(of: "\"recommender\"", with: "\"alternate\"").replacingOccurrences(of: "\"t5\"", with: "\"t6\""))
        XCTAssertThrowsError(try ExperimentValidator(registry: registry).loadVariants(url, vary: "item_ids=index,generatd,generated")) { error in
            let problems = (error as? ValidationReport)?.problems.map(\.description) ?? []
            XCTAssertTrue(problems.contains { $0.hasPrefix("model: unknown model 't6'; did you mean 't5'?") }, "common problem once: \(problems)")
            XCTAssertEqual(problems.filter { $0.contains("unknown model 't6'") }.count, 1, "\(problems)")
            XCTAssertTrue(problems.contains { $0.hasPrefix("variant 'index': trainer: trainer 'alternate' needs item-ids providing 'trainable-id-generator'") }, "\(problems)")
            XCTAssertTrue(problems.contains { $0.hasPrefix("variant 'generatd': item_ids: unknown item-ids 'generatd'; did you mean 'generated'?") }, "\(problems)")
            XCTAssertFalse(problems.contains { $0.hasPrefix("variant 'generated'") }, "\(problems)")
        }
    }

    func testMalformedVary() {
        func problem(_ s: String) -> String? {
            if case let .failure(p) = ExperimentVariation.parse(s) { return p.description }
            return nil
        }
        XCTAssertEqual(problem("itemids=a,b"), "--vary itemids=a,b: unknown stage 'itemids'; did you mean 'item_ids'? stages: dataset, split, item_ids, user_ids, prompt, tokenizer, model, trainer, decoder, metrics, reporters")
        XCTAssertTrue(problem("item_ids=a")?.contains("at least two") == true)
        XCTAssertTrue(problem("metrics=hr@5,hr@10")?.contains("list stage") == true)
        XCTAssertTrue(problem("item_ids")?.contains("expected stage=name") == true)
        XCTAssertTrue(problem("item_ids=a,a")?.contains("named twice") == true)
    }
}
