// A finished run folder, loaded back for serving: its checkpoint (T5 or causal model + tokenizer with the run's atomic
// tokens), its ID map (item → ID text → tokens, rebuilt into the trie), its prompt format and its decoder
// (both rebuilt by name from the run's resolved config), and the history length it was trained with. Only a
// finished run folder is served: a staging folder or one missing a file is refused by name (`RunFolder+Inputs`).
// Answers "what comes after this history?" with ranked real items.
import Foundation

public final class TrainedRecommender {
    public let model: any GenerativeModel
    public let tokenizer: TextTokenizer
    public let items: [String]          // [N] raw item ids
    public let itemIDs: [String]        // [N] ID text
    let itemTokens: [[Int]]             // [N] ID tokens, EOS last (a causal model reads histories as these)
    public let trie: Trie
    let prompts: PromptFormat
    let datasetName: String
    /// The run's decoder stage (name and parameters), rebuilt per request with the asked k.
    let decoder: (name: String, params: JSONValue)
    let registry: ComponentRegistry
    /// The split's `max_history`: a longer history is cut to its most recent items, as in training.
    public let maxHistory: Int?
    /// Raw user id → user ID text, from `user_id_map.tsv` (runs with per-user IDs, e.g. textual); empty otherwise.
    public let userIDs: [String: String]

    /// `option` names where the folder came from in messages (e.g. "--checkpoint").
    public init(runFolder: URL, registry: ComponentRegistry, option: String = "run folder") throws {
        try RunFolder.checkServable(runFolder, option: option)
        let checkpoint = runFolder.appendingPathComponent("checkpoint")
        model = try GenerativeCheckpoint.load(directory: checkpoint)
        tokenizer = try UnigramTokenizer(contentsOf: checkpoint.appendingPathComponent("tokenizer.json"))
        let mapURL = runFolder.appendingPathComponent("id_map.tsv")
        let lines = try String(contentsOf: mapURL, encoding: .utf8).split(separator: "\n").dropFirst()
        var items: [String] = [], ids: [String] = [], tokens: [[Int]] = []
        for (n, line) in lines.enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 3 else { throw RunError(stage: "recommend", "\(mapURL.path):\(n + 2): expected item<TAB>id<TAB>tokens") }
            items.append(String(f[0]))
            ids.append(String(f[1]))
            tokens.append(f[2].split(separator: " ").compactMap { Int($0) })
        }
        self.items = items
        itemIDs = ids
        itemTokens = tokens
        trie = try Trie(sequences: tokens, eosID: tokenizer.eosID, itemNames: items)
        // The run's resolved config names its prompt component with every parameter.
        let config = try JSONValue.parse(contentsOf: runFolder.appendingPathComponent("config.json"))
        guard let prompt = config["prompt"], let name = prompt["component"]?.stringValue else {
            throw RunError(stage: "recommend", "\(runFolder.path)/config.json names no prompt component")
        }
        func parameters(_ stage: JSONValue) -> JSONValue { .object((stage.objectValue ?? []).filter { $0.0 != "component" }) }
        prompts = try registry.make(PromptFormat.self, .prompt, name, params: parameters(prompt))
        let decoderStage = config["decoder"] ?? .object([("component", .string("trie-beam"))])
        decoder = (decoderStage["component"]?.stringValue ?? "trie-beam", parameters(decoderStage))
        self.registry = registry
        maxHistory = config["split"]?["max_history"]?.intValue
        let info = try? JSONValue.parse(contentsOf: runFolder.appendingPathComponent("run.json"))
        datasetName = info?["dataset"]?.stringValue ?? ""
        var users: [String: String] = [:]
        if let text = try? String(contentsOf: runFolder.appendingPathComponent("user_id_map.tsv"), encoding: .utf8) {
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                if f.count >= 2 { users[String(f[0])] = String(f[1]) }
            }
        }
        userIDs = users
    }

    /// The top `k` items after `history` (raw item ids, oldest first), with their IDs and scores. `user` (a raw
    /// user id of the run's dataset) puts that user's ID in the prompt, for runs trained with per-user IDs.
    public func recommend(history: [String], k: Int, beams: Int = 20, user: String? = nil,
                          excludeHistory: Bool = false) throws -> [(item: String, id: String, score: Float)] {
        var userID = ""
        if let user {
            guard let id = userIDs[user] else {
                throw RunError(stage: "recommend", userIDs.isEmpty
                    ? "--user: this run keeps no user IDs (no user_id_map.tsv; its prompts carry none or numeric ones)"
                    : "--user: unknown user '\(user)' (\(userIDs.count) users in user_id_map.tsv)")
            }
            userID = id
        }
        let index = Dictionary(items.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let unknown = history.filter { index[$0] == nil }
        if !unknown.isEmpty {
            throw RunError(stage: "recommend", "unknown item(s) \(unknown.joined(separator: ", ")): not in this run's catalog (\(items.count) items)")
        }
        let all = history.map { index[$0]! }
        let visible = maxHistory.map { Array(all.suffix(max($0, 1))) } ?? all
        let sample = Sample(user: 0, history: visible, target: visible.last ?? 0, position: visible.count)
        let text = try prompts.prompt(for: sample, index: 0, itemIDs: itemIDs, userID: userID, dataset: datasetName).input
        let prompt = EvaluationSample(user: user ?? "", input: tokenizer.encode(text, addEOS: true), target: sample.target, history: visible)
        let input = model.decodingSamples([prompt], itemTokens: itemTokens)[0].input
        let ranked = try ranker(k: k, beams: beams).rank(model, trie: trie, inputs: [input],
                                                         exclusions: excludeHistory ? [all] : nil)[0]
        return zip(ranked.items, ranked.scores).map { (items[$0], itemIDs[$0], $1) }
    }

    /// The run's decoder with `k` (and `beams`, at least k); a decoder without a `k` (greedy: one item) gives
    /// way to beam search over the same trie, so `k` items still come back.
    func ranker(k: Int, beams: Int) throws -> ItemRanker {
        var decoder = self.decoder
        if try registry.entry(.decoder, decoder.name).schema.key("k") == nil { decoder = ("trie-beam", .object([])) }
        let schema = try registry.entry(.decoder, decoder.name).schema
        var over: [(String, JSONValue)] = []
        if schema.key("k") != nil { over.append(("k", .int(k))) }
        if schema.key("beams") != nil { over.append(("beams", .int(max(beams, k)))) }
        return try registry.make(ItemRanker.self, .decoder, decoder.name, params: ConfigCodec.overlay(.object(over), on: decoder.params))
    }
}
