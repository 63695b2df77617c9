import XCTest
import IDGenHost

/// Values out of range are refused by the registry's `check` — the path `idgenrec validate` and `run`'s
/// pre-flight take — naming the key, before anything is built. To add a case: one row in `badParameters`
/// (kind, component, parameter object, the key the problem must name).
final class ConfigValueChecksTests: XCTestCase {
    struct Case {
        let kind: ComponentKind
        let name: String
        let params: String
        let key: String
    }

    let badParameters: [Case] = [
        Case(kind: .trainer, name: "recommender", params: #"{"batch_size": 0}"#, key: "batch_size"),
        Case(kind: .trainer, name: "recommender", params: #"{"batch_size": -5}"#, key: "batch_size"),
        Case(kind: .trainer, name: "recommender", params: #"{"epochs": 0}"#, key: "epochs"),
        Case(kind: .trainer, name: "recommender", params: #"{"max_minutes": -1}"#, key: "max_minutes"),
        Case(kind: .trainer, name: "recommender", params: #"{"warmup_ratio": 2}"#, key: "warmup_ratio"),
        Case(kind: .trainer, name: "recommender", params: #"{"log_every": 0}"#, key: "log_every"),
        Case(kind: .trainer, name: "recommender", params: #"{"learning_rate": 0}"#, key: "learning_rate"),
        Case(kind: .trainer, name: "alternate", params: #"{"rounds": 0}"#, key: "rounds"),
        Case(kind: .trainer, name: "alternate", params: #"{"id_batch_size": 0}"#, key: "id_batch_size"),
        Case(kind: .trainer, name: "alternate", params: #"{"max_grad_norm": 0}"#, key: "max_grad_norm"),
        Case(kind: .trainer, name: "id-generator", params: #"{"max_target_tokens": 1}"#, key: "max_target_tokens"),
        Case(kind: .itemIDs, name: "textual", params: #"{"pretrain_target_match": 1.5}"#, key: "pretrain_target_match"),
        Case(kind: .itemIDs, name: "textual", params: #"{"pretrain_max_steps": 0}"#, key: "pretrain_max_steps"),
        Case(kind: .decoder, name: "trie-beam", params: #"{"k": 0}"#, key: "k"),
        Case(kind: .decoder, name: "trie-beam", params: #"{"k": 30, "beams": 20}"#, key: "k"),
        Case(kind: .decoder, name: "trie-beam", params: #"{"beams": 0, "k": 1}"#, key: "beams"),
        Case(kind: .decoder, name: "greedy", params: #"{"max_length": 1}"#, key: "max_length"),
        Case(kind: .metric, name: "hr@k", params: #"{"k": 0}"#, key: "k"),
        Case(kind: .metric, name: "ndcg@k", params: #"{"k": -1}"#, key: "k"),
        Case(kind: .metric, name: "invalid-rate", params: #"{"k": 0}"#, key: "k"),
        Case(kind: .model, name: "t5", params: #"{"preset": "cpu-huge"}"#, key: "preset"),
        Case(kind: .model, name: "t5", params: #"{"dropout_rate": 1.5}"#, key: "dropout_rate"),
        Case(kind: .itemIDs, name: "textual", params: #"{"batch_size": 0}"#, key: "batch_size"),
        Case(kind: .itemIDs, name: "textual", params: #"{"pretrain_batch_size": -4}"#, key: "pretrain_batch_size"),
        Case(kind: .itemIDs, name: "textual", params: #"{"beams": 7}"#, key: "beams"),
        Case(kind: .itemIDs, name: "textual", params: #"{"candidates": 0}"#, key: "candidates"),
        Case(kind: .itemIDs, name: "textual", params: #"{"pretrain_target": "summary"}"#, key: "pretrain_target"),
        Case(kind: .itemIDs, name: "textual", params: #"{"preset": "t5-huge"}"#, key: "preset"),
        Case(kind: .itemIDs, name: "collaborative", params: #"{"cluster_count": 1}"#, key: "cluster_count"),
        Case(kind: .itemIDs, name: "rq-codes", params: #"{"codebook_size": 0}"#, key: "codebook_size"),
        Case(kind: .itemIDs, name: "keyword", params: #"{"max_words": 0}"#, key: "max_words"),
        Case(kind: .itemIDs, name: "title", params: #"{"fallback_word": "!!"}"#, key: "fallback_word"),
        Case(kind: .userIDs, name: "textual", params: #"{"max_items": 0}"#, key: "max_items"),
        Case(kind: .userIDs, name: "textual", params: #"{"batch_size": -1}"#, key: "batch_size"),
        Case(kind: .split, name: "leave-one-out", params: #"{"max_history": 0}"#, key: "max_history"),
        Case(kind: .split, name: "temporal", params: #"{"test_fraction": 0.6, "valid_fraction": 0.5}"#, key: "valid_fraction"),
        Case(kind: .split, name: "temporal", params: #"{"valid_from": 200, "test_from": 100}"#, key: "valid_from"),
        Case(kind: .dataset, name: "synthetic", params: #"{"items": 5}"#, key: "items"),
        Case(kind: .dataset, name: "amazon-2018", params: #"{"k_core": 0}"#, key: "k_core"),
        Case(kind: .dataset, name: "amazon-2014", params: #"{"k_core": -2}"#, key: "k_core"),
        Case(kind: .dataset, name: "yelp", params: #"{"k_core": 0}"#, key: "k_core"),
        Case(kind: .recommender, name: "sasrec", params: #"{"batch_size": 0}"#, key: "batch_size"),
        Case(kind: .recommender, name: "sasrec", params: #"{"hidden_size": 64, "num_heads": 3}"#, key: "num_heads"),
        Case(kind: .recommender, name: "item-knn", params: #"{"recent_items": 0}"#, key: "recent_items"),
        Case(kind: .prompt, name: "template-file", params: #"{"templates": []}"#, key: "templates"),
        Case(kind: .prompt, name: "template-file", params: #"{"choice": "fixed", "fixed_index": 3}"#, key: "fixed_index"),
        Case(kind: .tokenizer, name: "unigram", params: #"{"character_coverage": 0}"#, key: "character_coverage"),
    ]

    func testEveryBadValueIsAProblemNamingItsKey() throws {
        let registry = try ComponentRegistry.builtins()
        for c in badParameters {
            let entry = try registry.entry(c.kind, c.name)
            let problems = entry.check(try JSONValue.parse(c.params))
            XCTAssertTrue(problems.contains { $0.key == c.key }, "\(c.kind.rawValue) '\(c.name)' \(c.params): expected a problem with "
                          + "key '\(c.key)', got \(problems)")
        }
        XCTAssertGreaterThanOrEqual(badParameters.count, 20)
    }

    func testEveryRegisteredDefaultPassesCheck() throws {
        let registry = try ComponentRegistry.builtins()
        XCTAssertFalse(registry.entries.isEmpty)
        for entry in registry.entries {
            XCTAssertEqual(entry.check(.null), [], "\(entry.label): its own defaults are refused")
            XCTAssertEqual(entry.check(.object([])), [], "\(entry.label): its own defaults are refused")
        }
        XCTAssertEqual(Budget().validate(), [])
        XCTAssertEqual(Evaluator.Config().validate(), [])
    }

    func testSeveralBadValuesAreAllReported() throws {
        let entry = try ComponentRegistry.builtins().entry(.itemIDs, "textual")
        let problems = entry.check(try JSONValue.parse(#"{"batch_size": 0, "candidates": 0, "pretrain_target": "x", "preset": "y"}"#))
        XCTAssertEqual(Set(problems.map(\.key)), ["batch_size", "candidates", "pretrain_target", "preset"], "\(problems)")
        let decoder = try ComponentRegistry.builtins().entry(.decoder, "trie-beam")
        XCTAssertEqual(Set(decoder.check(try JSONValue.parse(#"{"beams": 0, "k": 0}"#)).map(\.key)), ["beams", "k"])
    }

    /// Experiment-level settings (budget, evaluation) are read by the experiment parser with the same
    /// ConfigCodec, so their problems arrive in the same report, under "budget.…" / "evaluation.…".
    func testExperimentSettingsRefuseOutOfRangeValues() throws {
        let cases: [(String, String)] = [
            (#"{"budget": {"steps": -1}}"#, "budget.steps"),
            (#"{"budget": {"minutes": -5}}"#, "budget.minutes"),
            (#"{"budget": {"epochs": -2}}"#, "budget.epochs"),
            (#"{"evaluation": {"batch_size": 0}}"#, "evaluation.batch_size"),
            (#"{"evaluation": {"batch_size": -8}}"#, "evaluation.batch_size"),
        ]
        for (json, location) in cases {
            let (_, problems) = Experiment.parse(try JSONValue.parse(json), file: URL(fileURLWithPath: "/tmp/exp.json"))
            XCTAssertTrue(problems.contains { $0.location == location }, "\(json): expected a problem at \(location), got \(problems)")
        }
        let (_, all) = Experiment.parse(try JSONValue.parse(#"{"budget": {"steps": -1, "minutes": -1}}"#),
                                        file: URL(fileURLWithPath: "/tmp/exp.json"))
        XCTAssertEqual(Set(all.map(\.location)), ["budget.steps", "budget.minutes"])
    }

    /// The whole validator lists bad values of several stages together, without building anything.
    func testValidatorReportsBadValuesOfEveryStage() throws {
        let registry = try ComponentRegistry.builtins()
        let json = #"""
        {"dataset": {"component": "synthetic", "users": 0}, "item_ids": "sequential", "tokenizer": "unigram",
         "model": {"component": "t5", "preset": "cpu-huge"}, "trainer": "recommender",
         "decoder": {"component": "trie-beam", "beams": 5, "k": 10}, "metrics": ["hr@0"],
         "budget": {"steps": -3}, "evaluation": {"batch_size": 0}}
        """#
        let (parsed, structural) = Experiment.parse(try JSONValue.parse(json), file: URL(fileURLWithPath: "/tmp/exp.json"))
        let (_, problems) = ExperimentValidator(registry: registry).resolve(parsed)
        let text = (structural + problems).map(\.description).joined(separator: "\n")
        for needle in ["dataset", "'users'", "model", "'preset'", "decoder", "'k'", "metrics[0]", "budget.steps", "evaluation.batch_size"] {
            XCTAssertTrue(text.contains(needle), "expected '\(needle)' in:\n\(text)")
        }
    }
}
