// What a run folder keeps besides metrics: the ID map (item → ID text → tokens; textual user IDs → user_id_map.tsv), data, ID-map and
// input-file hashes (what `compare` checks before reusing a run, `ExperimentRunner+Fingerprint.swift`), and a checkpoint HF transformers can
// load (config.json, model.safetensors, tokenizer.json).
import Foundation

extension ExperimentRunner {
    /// `training` (after the trainer ran) adds what it did to run.json: steps planned and done, seconds, budget.
    func writeIDMap(_ p: PreparedRun, to folder: URL, training: TrainingOutcome? = nil) throws {
        let tsv = Self.idMapTSV(items: p.data.items, ids: p.itemIDs, tokens: p.itemTokens)
        try AtomicFile.write(tsv, to: folder.appendingPathComponent("id_map.tsv"))
        if let users = p.userIDs as? TrainableUserIDs, users.ids.count == p.data.userCount {
            var map = "user\tid\titems_read\n"
            for (u, raw) in p.data.userIDs.enumerated() {
                map += "\(raw)\t\(users.ids[u])\t\(users.sources[u].map { p.data.items[$0].rawID }.joined(separator: " "))\n"
            }
            try AtomicFile.write(map, to: folder.appendingPathComponent("user_id_map.tsv"))
        }
        let info = JSONValue.object([
            ("dataset", .string(p.data.name)),
            ("dataset_hash", .string(Self.datasetHash(p.data))),
            ("id_map_hash", .string(Self.fnv1a(tsv))),
            ("input_files", .object(try inputFileHashes().map { ($0.key, .string($0.hash)) })),
            ("users", .int(p.data.userCount)), ("items", .int(p.data.itemCount)),
            ("train_samples", .int(p.trainPairs.count)), ("test_users", .int(p.testSamples.count)),
            ("notes", .array(p.notes.map(JSONValue.string))),
            ("build", .string(BuildFingerprint.current)),
        ] + (try training.map { try trainingRecord($0) } ?? []))
        try AtomicFile.write(info.serialized(pretty: true) + "\n", to: folder.appendingPathComponent("run.json"))
    }

    /// run.json's "training": the schedule's planned and done steps (a time limit sizes the plan), time, budget.
    func trainingRecord(_ t: TrainingOutcome) throws -> [(String, JSONValue)] {
        [("training", .object([
            ("steps_planned", .int(t.stepsPlanned)), ("steps_done", .int(t.stepsDone)),
            ("seconds", .double((t.seconds * 10).rounded() / 10)),
            ("budget", try JSONValueEncoder().encode(experiment.budget)),
        ]))]
    }

    func saveCheckpoint(_ model: any GenerativeModel, tokenizer: TextTokenizer, to dir: URL) throws {
        try model.save(to: dir)
        if let unigram = tokenizer as? UnigramTokenizer { try unigram.save(to: dir.appendingPathComponent("tokenizer.json")) }
    }

    /// id_map.tsv: item, ID text, token ids.
    static func idMapTSV(items: [CatalogItem], ids: [String], tokens: [[Int]]) -> String {
        var tsv = "item\tid\ttokens\n"
        for (i, item) in items.enumerated() {
            tsv += "\(item.rawID)\t\(ids[i])\t\(tokens[i].map(String.init).joined(separator: " "))\n"
        }
        return tsv
    }

    /// 64-bit FNV-1a, hex: a stable fingerprint (not a security hash) of the data and the ID map.
    static func fnv1a(_ text: String) -> String {
        fnv1a(bytes: text.utf8)
    }

    static func fnv1a<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        return String(h, radix: 16)
    }
}
