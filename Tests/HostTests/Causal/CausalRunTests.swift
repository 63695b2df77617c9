import XCTest
import Foundation
import IDGenHost
import IDGenKernel

/// `"model": "causal"` end to end: a run trains the decoder-only model on whole item sequences, saves a HF
/// Llama checkpoint, and the served run folder (`recommend`) answers exactly what the evaluation decoded for
/// the same history. Alternate training, which splices soft IDs into an encoder, is refused before any work.
final class CausalRunTests: XCTestCase {
    func experiment(_ dir: URL, itemIDs: String = "keyword", trainer: String = "\"recommender\"") throws -> URL {
        let url = dir.appendingPathComponent("causal-\(itemIDs).json")
        try Fixtures.write("""
        {"seed": 5, "output_dir": "out", "dataset": {"component": "synthetic", "users": 60, "items": 30},
         "split": {"component": "leave-one-out", "max_history": 6}, "item_ids": "\(itemIDs)",
         "prompt": {"component": "template-file", "templates": [{"input": "history: {history}", "output": "{target}"}]},
         "tokenizer": {"component": "unigram", "vocab_size": 300}, "model": {"component": "causal", "preset": "cpu-tiny"},
         "trainer": \(trainer), "budget": {"steps": 30},
         "decoder": {"component": "trie-beam", "beams": 8, "k": 8}, "metrics": ["hr@8"], "reporters": ["json"]}
        """, to: url)
        return url
    }

    func testACausalRunIsServedWithTheListsItsEvaluationDecoded() throws {
        let dir = try Fixtures.scratch()
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        for itemIDs in ["keyword", "sequential"] {
            let out = dir.appendingPathComponent("run-\(itemIDs)")
            let e = try ExperimentValidator(registry: registry).load(try experiment(dir, itemIDs: itemIDs), overrides: ["output_dir=\(out.path)"])
            let runner = ExperimentRunner(experiment: e, registry: registry)
            let (data, split, _) = try runner.prepareData()
            let summary = try runner.run()
            XCTAssertEqual(summary.users, 60)
            let config = try JSONValue.parse(contentsOf: out.appendingPathComponent("checkpoint/config.json"))
            XCTAssertEqual(config["model_type"]?.stringValue, "llama", "a HF Llama checkpoint")
            XCTAssertEqual(config["architectures"], .array([.string("LlamaForCausalLM")]))
            let run = try JSONValue.parse(contentsOf: out.appendingPathComponent("run.json"))
            XCTAssertEqual(run["training"]?["steps_done"]?.intValue, 30)

            let served = try TrainedRecommender(runFolder: out, registry: registry)
            XCTAssertTrue(served.model is CausalLM)
            let lists = try ExcludeHistoryTests.lists(out)
            for (sample, list) in zip(split.test, lists).prefix(12) {
                let history = sample.history.map { data.items[$0].rawID }
                let answer = try served.recommend(history: history, k: 8, beams: 8).map(\.item)
                XCTAssertEqual(answer, list, "\(itemIDs): recommend and the evaluation disagree for history \(history)")
            }
        }
    }

    func testAlternateTrainingNeedsTheEncoderOfT5() throws {
        let dir = try Fixtures.scratch()
        let registry = try ComponentRegistry.load(extra: [], root: nil)
        let url = try experiment(dir, itemIDs: "textual", trainer: "\"alternate\"")
        XCTAssertThrowsError(try ExperimentValidator(registry: registry).load(url)) { error in
            XCTAssertTrue("\(error)".contains("encoder-prompts"), "\(error)")
        }
    }
}
