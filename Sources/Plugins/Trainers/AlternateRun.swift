// What the phases of alternate training read and rewrite on a run (paper §3.3): the item IDs in force, their
// tokens and trie, the textual user IDs, and the open prompts made once. The ID phase asks for generator
// inputs and soft samples; after it, `regenerate` rewrites every ID with the (frozen) generator, rebuilds
// the trie and logs the change to id_history.tsv; the recommender phase asks for prompt → ID pairs. The
// strategies are reached through their protocols (`TrainableIDGenerator`, `TrainableUserIDs`) only.
//
// Legend: N items, U users, P prompts.
import Foundation

final class AlternateRun {
    let items: TrainableIDGenerator
    let users: TrainableUserIDs?
    var run: PreparedRun
    let log: (String) -> Void
    var ids: [String]              // [N]
    var tokens: [[Int]]            // [N] with EOS
    var trie: Trie
    var userTokens: [[Int]]        // [U] textual user IDs without EOS ([] when user IDs are not textual)
    let train: [OpenPrompt], valid: [OpenPrompt], test: [OpenPrompt]
    let itemInputs: [[Int]]        // [N] what the generator reads for each item
    var round = 0
    var history = "round\tchanged\texamples\n"

    init(_ run: PreparedRun, items: TrainableIDGenerator, log: @escaping (String) -> Void) throws {
        self.run = run
        self.items = items
        self.users = run.userIDs as? TrainableUserIDs
        self.log = log
        ids = run.itemIDs
        tokens = run.itemTokens
        trie = run.trie
        userTokens = []
        train = try OpenPrompt.render(run.split.train, run)
        valid = try OpenPrompt.render(run.split.valid, run)
        test = try OpenPrompt.render(run.split.test, run)
        itemInputs = items.generatorInputs(catalog: run.data.items, tokenizer: run.tokenizer)
        userTokens = currentUserTokens()
    }

    /// What fills slot k: item k's ID tokens (k < N), then user k − N's (no EOS).
    var slotFillers: [[Int]] { tokens.map { Array($0.dropLast()) } + userTokens }

    func currentUserTokens() -> [[Int]] { users.map { $0.ids.map { run.tokenizer.encode($0, addEOS: false) } } ?? [] }

    /// [N (+U)] the generator's input per slot.
    func generatorInputs() -> [[Int]] {
        guard let users else { return itemInputs }
        return itemInputs + users.generatorInputs(itemIDs: ids, tokenizer: run.tokenizer)
    }

    func softSamples() -> [SoftSample] { train.map { SoftSample(segments: $0.segments, target: tokens[$0.targetItem]) } }

    func recommenderPairs() -> [Seq2SeqPair] {
        train.map { Seq2SeqPair(source: $0.hardSource(ids: slotFillers), target: tokens[$0.targetItem]) }
    }

    func evaluationSamples(_ samples: [Sample], _ open: [OpenPrompt]) -> [EvaluationSample] {
        zip(samples, open).map { s, q in
            EvaluationSample(user: run.data.userIDs[s.user], input: q.hardSource(ids: slotFillers), target: s.target, history: s.history)
        }
    }

    /// Every ID again from `generator`; the trie and user IDs follow, the change goes to the history.
    func regenerate(with generator: T5Model) throws {
        round += 1
        let tokenizer = run.tokenizer, data = run.data
        let assignment = try items.regenerate(with: generator, input: run.idInput)
        tokenizer.addAtomicTokens(assignment.addedTokens)
        let newTokens = assignment.ids.map { tokenizer.encode($0, addEOS: true) }
        let changed = zip(ids, assignment.ids).enumerated().filter { $0.element.0 != $0.element.1 }
        history += "\(round)\t\(changed.count)\t" + changed.prefix(3).map { "\(data.items[$0.offset].rawID): \($0.element.0) → \($0.element.1)" }.joined(separator: " | ") + "\n"
        log("round \(round): \(changed.count) of \(data.itemCount) items got a new ID")
        trie = try Trie(sequences: newTokens, eosID: tokenizer.eosID, itemNames: data.items.map(\.rawID))
        ids = assignment.ids
        tokens = newTokens
        if let users {
            let before = users.ids
            try users.regenerate(with: generator, itemIDs: ids, tokenizer: tokenizer)
            userTokens = currentUserTokens()
            let moved = zip(before, users.ids).enumerated().filter { $0.element.0 != $0.element.1 }
            history += "\(round)-users\t\(moved.count)\t" + moved.prefix(3).map { "\(data.userIDs[$0.offset]): \($0.element.0) → \($0.element.1)" }.joined(separator: " | ") + "\n"
            log("round \(round): \(moved.count) of \(data.userCount) users got a new ID")
        }
    }

    /// The state a phase checkpoint keeps besides the models.
    func saved() -> JSONValue {
        .object([("round", .int(round)), ("history", .string(history)),
                 ("item_ids", .array(ids.map(JSONValue.string))),
                 ("user_ids", .array((users?.ids ?? []).map(JSONValue.string)))])
    }

    /// Puts a saved state back (a resumed run).
    func restore(_ saved: JSONValue) throws {
        let data = run.data, tokenizer = run.tokenizer
        guard let r = saved["round"]?.intValue, let h = saved["history"]?.stringValue,
              let restored = saved["item_ids"]?.arrayValue?.compactMap(\.stringValue), restored.count == data.itemCount else {
            throw AlternateTrainingError.badState("trainer-state/alternate.json does not hold this run's \(data.itemCount) item IDs")
        }
        round = r
        history = h
        let newTokens = restored.map { tokenizer.encode($0, addEOS: true) }
        trie = try Trie(sequences: newTokens, eosID: tokenizer.eosID, itemNames: data.items.map(\.rawID))
        ids = restored
        tokens = newTokens
        items.adopt(restored)
        if let users {
            let userIDs = saved["user_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard userIDs.count == data.userCount else {
                throw AlternateTrainingError.badState("trainer-state/alternate.json does not hold this run's \(data.userCount) user IDs")
            }
            users.adopt(userIDs)
            userTokens = currentUserTokens()
        }
        log("resumed alternate training after round \(r) (IDs restored)")
    }

    /// The run with the IDs in force: ID map, trie, training pairs and evaluation prompts all re-made.
    func finished() -> PreparedRun {
        var p = run
        p.itemIDs = ids
        p.itemTokens = tokens
        p.trie = trie
        p.trainPairs = recommenderPairs()
        p.validSamples = evaluationSamples(p.split.valid, valid)
        p.testSamples = evaluationSamples(p.split.test, test)
        return p
    }
}
