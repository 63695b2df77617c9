// Is the finished run in a folder this experiment's run? `compare` reuses a variant's folder only when its
// resolved config (config.json), its data (run.json's dataset_hash), the files its components read
// (input_files: prompt files, checkpoints) and its ID map (id_map_hash) all match what this experiment would
// use now; otherwise it reruns the variant and says why. The ID map is rebuilt for the check only when the
// item-ID strategy is not trained (textual IDs come from a trained generator: they follow from the config, the
// data and the build, which are checked, and rebuilding them would cost the generator's training).
import Foundation

extension ExperimentRunner {
    /// Why the finished run in `folder` is not this experiment's run, most telling first; empty when it is.
    public func differences(fromFinishedRun folder: URL) throws -> [String] {
        let saved = try JSONValue.parse(contentsOf: folder.appendingPathComponent("config.json"))
        let config = ConfigDifference.between(saved, experiment.resolvedJSON(registry: registry))
        if !config.isEmpty { return config.map(\.description) }
        let info = try JSONValue.parse(contentsOf: folder.appendingPathComponent("run.json"))
        let (data, split, _) = try prepareData()
        if info["dataset_hash"]?.stringValue != Self.datasetHash(data) {
            return ["the data changed (\(Self.dataChange(info, data)))"]
        }
        if let recorded = info["input_files"]?.objectValue {       // older runs recorded none: not checked
            let changed = try inputFileHashes().filter { now in recorded.first { $0.0 == now.key }?.1.stringValue != now.hash }
            if !changed.isEmpty { return changed.map { "the file of \($0.key) changed" } }
        }
        if let ids = try assignedIDMapHash(data: data, split: split), let old = info["id_map_hash"]?.stringValue, old != ids {
            return ["the ID map changed (id_map_hash \(old) → \(ids)): the item-ID strategy gives other IDs now"]
        }
        return []
    }

    /// The fingerprint of the interactions and the item texts (run.json's dataset_hash).
    static func datasetHash(_ data: Interactions) -> String {
        fnv1a(data.sequences.map { $0.map(String.init).joined(separator: " ") }.joined(separator: "\n")
              + data.items.map(\.text).joined(separator: "\n"))
    }

    /// "dataset_hash 1a2b → 3c4d, users 22363 → 500": how `data` differs from what run.json recorded.
    static func dataChange(_ info: JSONValue, _ data: Interactions) -> String {
        var parts = ["dataset_hash \(info["dataset_hash"]?.stringValue ?? "(none)") → \(datasetHash(data))"]
        for (key, now) in [("dataset", JSONValue.string(data.name)), ("users", .int(data.userCount)), ("items", .int(data.itemCount))]
        where info[key] != nil && info[key] != now {
            parts.append("\(key) \(info[key]!.serialized()) → \(now.serialized())")
        }
        return parts.joined(separator: ", ")
    }

    /// Hashes of the files the components read (their `inputFiles` keys; a folder: the files directly in it),
    /// keyed "prompt.path", "item_ids.generator_checkpoint"… The dataset's files are covered by the data hash.
    func inputFileHashes() throws -> [(key: String, hash: String)] {
        var out: [(key: String, hash: String)] = []
        for stage in experiment.pipeline.stages where stage.key != .dataset {
            for (i, choice) in stage.choices.enumerated() {
                guard let entry = try? registry.entry(stage.key.kind, choice.name) else { continue }
                for key in entry.inputFiles {
                    guard let path = choice.params[key]?.stringValue ?? entry.schema.key(key)?.defaultValue.stringValue, !path.isEmpty else { continue }
                    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
                        : experiment.folder.absoluteURL.appendingPathComponent(path).standardized
                    out.append(("\(stage.key.rawValue)\(stage.key.isList ? "[\(i)]" : "").\(key)", Self.contentHash(url)))
                }
            }
        }
        return out
    }

    /// FNV-1a over a file's bytes, or over the names and bytes of the files directly in a folder.
    static func contentHash(_ url: URL) -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return "missing" }
        guard isDir.boolValue else { return fnv1a(bytes: FileManager.default.contents(atPath: url.path) ?? Data()) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        return fnv1a(names.map { name in
            let file = url.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: file.path) else { return name }   // a subfolder: its name
            return name + ":" + fnv1a(bytes: bytes)
        }.joined(separator: "\n"))
    }

    /// The ID map's hash as the strategy assigns it before training (nil for a trained strategy: see the top).
    func assignedIDMapHash(data: Interactions, split: DataSplit) throws -> String? {
        let strategy = try component(.itemIDs, as: ItemIDStrategy.self)
        if strategy is TrainableIDGenerator { return nil }
        let tokenizer = try sharedTokenizer ?? component(.tokenizer, as: TokenizerBuilder.self).makeTokenizer(corpus: data.items.map(\.text))
        let assignment = try strategy.assign(ItemIDInput(catalog: data.items, trainingSequences: split.trainingSequences, seed: seed,
                                                         tokenizer: tokenizer, progress: nil))
        tokenizer.addAtomicTokens(assignment.addedTokens)
        let tokens = assignment.ids.map { tokenizer.encode($0, addEOS: true) }
        return Self.fnv1a(Self.idMapTSV(items: data.items, ids: assignment.ids, tokens: tokens))
    }
}
