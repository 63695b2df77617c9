import XCTest
import Foundation
import IDGenHost

/// Every registered built-in, built by name with its defaults and run on the synthetic catalog (RecBole's
/// "every model runnable by name"): each pipeline component is swapped into one small experiment (its
/// requirements met by swapping in a registered provider) that then runs end to end; each baseline is fitted
/// on the same split and asked for lists. Two kinds of exception, each checked, never silent: a component whose
/// defaults name an input file it cannot run without (raw datasets; covered by their own fixture tests) is
/// built but not run, and a requirement no file-free component provides (a time split needs timestamps) must
/// be refused by validation with that requirement named.
final class EveryComponentRunsTests: XCTestCase {
    static let base: [(String, JSONValue)] = {
        let text = """
        {"seed": 11, "dataset": {"component": "synthetic", "users": 40, "items": 24},
         "split": {"component": "leave-one-out", "max_history": 5}, "item_ids": "keyword",
         "prompt": {"component": "template-file", "templates": [{"input": "history: {history}", "output": "{target}"}]},
         "tokenizer": {"component": "unigram", "vocab_size": 400}, "model": {"component": "t5", "preset": "cpu-tiny"},
         "trainer": "recommender", "decoder": {"component": "trie-beam", "beams": 5, "k": 5},
         "metrics": ["hr@5"], "reporters": ["json"], "budget": {"steps": 2}}
        """
        return (try? JSONValue.parse(text))?.objectValue ?? []
    }()

    func experiment(_ stage: StageKey, _ name: String, meeting needs: [ComponentRequirement], registry: ComponentRegistry) -> [(String, JSONValue)] {
        var pairs = Self.base
        func set(_ key: String, _ value: JSONValue) {
            if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
        }
        set(stage.rawValue, stage.isList ? .array([.string(name)]) : .string(name))
        for need in needs {
            guard let stageKey = StageKey.allCases.first(where: { $0.kind == need.kind }),
                  let provider = registry.entries.first(where: { $0.kind == need.kind && $0.provides.contains(need.capability) && !Self.needsFile($0) })
            else { continue }
            set(stageKey.rawValue, .string(provider.name))
        }
        return pairs
    }

    /// A dataset read from files whose default path is empty: nothing to load without the user's files.
    /// (Elsewhere an empty path means "none": a fresh model, a tokenizer trained on the catalog.)
    static func needsFile(_ entry: ComponentEntry) -> Bool {
        entry.kind == .dataset && entry.inputFiles.contains { entry.schema.key($0)?.defaultValue == .string("") }
    }

    func testEveryPipelineComponentRunsByNameWithItsDefaults() throws {
        let registry = try ComponentRegistry.builtins()
        let dir = try Fixtures.scratch()
        var ran: [String] = [], refused: [String] = [], fileBound: [String] = []
        for entry in registry.entries where entry.kind != .recommender {
            guard let stage = StageKey.allCases.first(where: { $0.kind == entry.kind }) else { continue }
            // Built by name with its defaults, whatever happens next.
            XCTAssertEqual(entry.check(.object([])), [], "\(entry.label): its defaults do not pass its own checks")
            if Self.needsFile(entry) {
                XCTAssertThrowsError(try (registry.make(.dataset, entry.name, params: .object([])) as? DatasetSource)?.load(),
                                     "\(entry.label) loaded with no input file")
                fileBound.append(entry.label)
                continue
            }
            let url = dir.appendingPathComponent("\(entry.kind.rawValue)-\(entry.name).json".replacingOccurrences(of: "@", with: "-"))
            var pairs = experiment(stage, entry.name, meeting: entry.requires, registry: registry)
            pairs.append(("output_dir", .string(dir.appendingPathComponent("run-\(entry.kind.rawValue)-\(entry.name)").path)))
            try Fixtures.write(JSONValue.object(pairs).serialized(pretty: true), to: url)
            let experiment: Experiment
            do {
                experiment = try ExperimentValidator(registry: registry).load(url)
            } catch let report as ValidationReport {
                // Refused before any work: only for a requirement nothing file-free provides, or a component that
                // cannot fill its stage (a trainer that does not train the recommender).
                let text = "\(report)"
                XCTAssertTrue(text.contains("needs") || text.contains("cannot train the run's recommender"), "\(entry.label): \(text)")
                refused.append(entry.label)
                continue
            }
            let summary = try ExperimentRunner(experiment: experiment, registry: registry).run()
            XCTAssertFalse(summary.metrics.isEmpty, "\(entry.label): no metrics")
            XCTAssertEqual(summary.users, entry.kind == .dataset ? 3000 : 40, "\(entry.label): every test user evaluated")
            ran.append(entry.label)
        }
        // What was not run is exactly what cannot run here, by the rules above.
        XCTAssertEqual(Set(refused), ["split 'temporal'", "trainer 'id-generator'"], "\(refused)")
        XCTAssertEqual(Set(fileBound), ["dataset 'idgenrec-folder'", "dataset 'amazon-2018'", "dataset 'amazon-2014'", "dataset 'yelp'"], "\(fileBound)")
        XCTAssertTrue(ran.contains("trainer 'alternate'") && ran.contains("item-ids 'textual'") && ran.contains("user-ids 'textual'"), "\(ran)")
    }

    func testEveryBaselineRunsByNameWithItsDefaults() throws {
        let registry = try ComponentRegistry.builtins()
        let dir = try Fixtures.scratch()
        let url = dir.appendingPathComponent("base.json")
        try Fixtures.write(JSONValue.object(Self.base + [("output_dir", .string(dir.path))]).serialized(pretty: true), to: url)
        let experiment = try ExperimentValidator(registry: registry).load(url)
        let (data, split, _) = try ExperimentRunner(experiment: experiment, registry: registry).prepareData()
        let names = registry.names(of: .recommender)
        XCTAssertEqual(Set(names), ["popularity", "item-knn", "markov", "sasrec"])
        for name in names {
            let model = try registry.make(SequentialRecommender.self, .recommender, name, params: .object([]))
            try model.fit(trainingSequences: split.trainingSequences, itemCount: data.itemCount, seed: 11)
            let lists = try model.recommend(histories: split.test.map(\.history), k: 5)
            XCTAssertEqual(lists.count, split.test.count, name)
            for list in lists {
                XCTAssertEqual(list.count, 5, name)
                XCTAssertEqual(Set(list).count, 5, "\(name): duplicates")
                XCTAssertTrue(list.allSatisfy { (0..<data.itemCount).contains($0) }, name)
            }
        }
    }
}
