// IDGenRec's alternate training wired to a run (paper §3.3): the textual strategy's generator and the
// recommender take turns. Prompts are kept as segments with one slot per history item, so the ID phase can
// splice soft IDs into exactly the places where the recommender phase sees hard ID tokens; after each ID
// phase the IDs are regenerated with diverse generation, the trie rebuilt, and every prompt re-rendered.
// Textual user IDs are slots of their own (generator input: the user's item IDs), regenerated after the items.
// The ID changes per round go to id_history.tsv (how many items — and users — got a new ID, with examples).
import Foundation

extension ExperimentRunner {
    /// Mutable state the phases share: the IDs in force and everything derived from them.
    final class AlternateState {
        var ids: [String]
        var tokens: [[Int]]          // [N] with EOS
        var trie: Trie
        var userTokens: [[Int]]      // [U] textual user IDs without EOS ([] when user IDs are not textual)
        init(ids: [String], tokens: [[Int]], trie: Trie, userTokens: [[Int]]) {
            self.ids = ids; self.tokens = tokens; self.trie = trie; self.userTokens = userTokens
        }
        /// What fills slot k: item k's ID tokens (k < N), then user k − N's (no EOS).
        var slotFillers: [[Int]] { tokens.map { Array($0.dropLast()) } + userTokens }
    }

    func trainAlternately(_ trainer: AlternateTrainer, recommender: T5Model, prepared p: inout PreparedRun, folder: URL) throws -> TrainingOutcome {
        guard let textual = p.strategy as? TextualIDs, let generator = textual.generator else {
            throw RunError(stage: "trainer", "alternate training needs item_ids 'textual' with its ID generator (got \(type(of: p.strategy)))")
        }
        let tokenizer = p.tokenizer, data = p.data
        // Textual user IDs are generator slots too (after the N items), so the ID phase trains through them.
        let users = p.userIDs as? TextualUserIDs
        func generatorInput(_ text: String, placeholder: String, maxInput: Int) -> [Int] {
            let t = tokenizer.encode(ItemText.words(text).isEmpty ? placeholder : text, addEOS: true)
            return t.count <= maxInput ? t : Array(t.prefix(maxInput - 1)) + [tokenizer.eosID]
        }
        let itemInputs = data.items.map {
            generatorInput($0.text, placeholder: textual.config.placeholderText, maxInput: textual.config.maxInputTokens)
        }
        func userTokens() -> [[Int]] { users.map { $0.ids.map { tokenizer.encode($0, addEOS: false) } } ?? [] }
        let train = try softSamples(p.split.train, p), valid = try softSamples(p.split.valid, p), test = try softSamples(p.split.test, p)
        let state = AlternateState(ids: p.itemIDs, tokens: p.itemTokens, trie: p.trie, userTokens: userTokens())
        func generatorInputs() -> [[Int]] {
            guard let users else { return itemInputs }
            return itemInputs + users.generatorTexts(itemIDs: state.ids).map {
                generatorInput($0, placeholder: users.config.placeholderText, maxInput: users.config.maxInputTokens)
            }
        }
        func evaluationSamples(_ samples: [Sample], _ soft: [OpenPrompt]) -> [EvaluationSample] {
            zip(samples, soft).map { s, q in
                EvaluationSample(user: data.userIDs[s.user], input: q.hardSource(ids: state.slotFillers), target: s.target, history: s.history)
            }
        }
        let ranker = try component(.decoder, as: ItemRanker.self)
        var rng = SplitMix64(seed: seed).derived("validation-subset")
        let subset = Array(Array(zip(p.split.valid, valid)).shuffled(using: &rng).prefix(trainer.config.recommenderPhase.validationSamples))
        let evaluation = experiment.evaluation
        let validate: ((T5Model) -> Double)? = subset.isEmpty ? nil : { model in
            let samples = evaluationSamples(subset.map(\.0), subset.map(\.1))
            let results = (try? Evaluator(config: evaluation))?.run(ranker, scorer: model, trie: state.trie, samples: samples) ?? []
            return (try? NDCG(config: .init(k: 10))).map { Evaluator.measure(results, metrics: [$0], catalogSize: data.itemCount)[0].value } ?? 0
        }
        var history = "round\tchanged\texamples\n"
        var round = 0
        let started = Date()
        try trainer.train(
            generator: generator, recommender: recommender, generatorInputs: generatorInputs,
            softSamples: { train.map { SoftSample(segments: $0.segments, target: state.tokens[$0.targetItem]) } },
            recommenderPairs: { train.map { Seq2SeqPair(source: $0.hardSource(ids: state.slotFillers), target: state.tokens[$0.targetItem]) } },
            regenerate: { generator in
                round += 1
                let assignment = try textual.regenerate(with: generator, input: p.idInput)
                tokenizer.addAtomicTokens(assignment.addedTokens)
                let tokens = assignment.ids.map { tokenizer.encode($0, addEOS: true) }
                let changed = zip(state.ids, assignment.ids).enumerated().filter { $0.element.0 != $0.element.1 }
                history += "\(round)\t\(changed.count)\t" + changed.prefix(3).map { "\(data.items[$0.offset].rawID): \($0.element.0) → \($0.element.1)" }.joined(separator: " | ") + "\n"
                self.log("round \(round): \(changed.count) of \(data.itemCount) items got a new ID")
                state.trie = try Trie(sequences: tokens, eosID: tokenizer.eosID, itemNames: data.items.map(\.rawID))
                state.ids = assignment.ids
                state.tokens = tokens
                if let users {
                    let before = users.ids
                    try users.regenerate(with: generator, itemIDs: state.ids, tokenizer: tokenizer)
                    state.userTokens = userTokens()
                    let moved = zip(before, users.ids).enumerated().filter { $0.element.0 != $0.element.1 }
                    history += "\(round)-users\t\(moved.count)\t" + moved.prefix(3).map { "\(data.userIDs[$0.offset]): \($0.element.0) → \($0.element.1)" }.joined(separator: " | ") + "\n"
                    self.log("round \(round): \(moved.count) of \(data.userCount) users got a new ID")
                }
            },
            validate: validate, seed: seed, progress: progress,
            checkpointing: AlternateCheckpointing(
                directory: folder.appendingPathComponent("trainer-state"), resume: resume,
                save: {
                    .object([("round", .int(round)), ("history", .string(history)),
                             ("item_ids", .array(state.ids.map(JSONValue.string))),
                             ("user_ids", .array((users?.ids ?? []).map(JSONValue.string)))])
                },
                restore: { saved in
                    guard let r = saved["round"]?.intValue, let h = saved["history"]?.stringValue,
                          let ids = saved["item_ids"]?.arrayValue?.compactMap(\.stringValue), ids.count == data.itemCount else {
                        throw RunError(stage: "resume", "trainer-state/alternate.json does not hold this run's \(data.itemCount) item IDs")
                    }
                    round = r
                    history = h
                    let tokens = ids.map { tokenizer.encode($0, addEOS: true) }
                    state.trie = try Trie(sequences: tokens, eosID: tokenizer.eosID, itemNames: data.items.map(\.rawID))
                    state.ids = ids
                    state.tokens = tokens
                    textual.adopt(ids)
                    if let users {
                        let userIDs = saved["user_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
                        guard userIDs.count == data.userCount else {
                            throw RunError(stage: "resume", "trainer-state/alternate.json does not hold this run's \(data.userCount) user IDs")
                        }
                        users.adopt(userIDs)
                        state.userTokens = userTokens()
                    }
                    self.log("resumed alternate training after round \(r) (IDs restored)")
                },
                stopAfterPhase: stopAfterPhase))
        try AtomicFile.write(trainer.curveCSV, to: folder.appendingPathComponent("curves.csv"))
        try AtomicFile.write(history, to: folder.appendingPathComponent("id_history.tsv"))
        p.itemIDs = state.ids
        p.itemTokens = state.tokens
        p.trie = state.trie
        p.trainPairs = train.map { Seq2SeqPair(source: $0.hardSource(ids: state.slotFillers), target: state.tokens[$0.targetItem]) }
        p.validSamples = evaluationSamples(p.split.valid, valid)
        p.testSamples = evaluationSamples(p.split.test, test)
        let seconds = Date().timeIntervalSince(started)
        let rates = trainer.curve.map(\.samplesPerSecond)
        return TrainingOutcome(seconds: seconds, samplesPerSecond: rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count))
    }

    /// A prompt with its item slots open: rendered with a private-use marker per item, then cut at the markers.
    struct OpenPrompt {
        var sample: SoftSample
        var targetItem: Int
        var segments: [SoftSample.Segment] { sample.segments }
        func hardSource(ids: [[Int]]) -> [Int] { sample.hardSource(ids: ids) }
    }

    func softSamples(_ samples: [Sample], _ p: PreparedRun) throws -> [OpenPrompt] {
        let markers = (0..<p.data.itemCount).map { "\u{E000}\($0)\u{E001}" }
        let textualUsers = p.userIDs is TextualUserIDs
        return try samples.enumerated().map { i, s in
            let uid = textualUsers ? "\u{E000}\(p.data.itemCount + s.user)\u{E001}"
                : try p.userIDs.userID(UserIDInput(userIndex: s.user, visibleItems: s.history, itemIDs: p.itemIDs, catalog: p.data.items))
            let text = try p.prompts.prompt(for: s, index: i, itemIDs: markers, userID: uid, dataset: p.data.name).input
            var segments: [SoftSample.Segment] = []
            var rest = Substring(text)
            while let open = rest.firstIndex(of: "\u{E000}"), let close = rest[open...].firstIndex(of: "\u{E001}") {
                let piece = String(rest[..<open])
                if !piece.isEmpty { segments.append(.tokens(p.tokenizer.encode(piece, addEOS: false))) }
                segments.append(.id(Int(rest[rest.index(after: open)..<close])!))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { segments.append(.tokens(p.tokenizer.encode(String(rest), addEOS: false))) }
            segments.append(.tokens([p.tokenizer.eosID]))
            return OpenPrompt(sample: SoftSample(segments: segments, target: p.itemTokens[s.target]), targetItem: s.target)
        }
    }
}
