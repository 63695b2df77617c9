// Preparing a run: load and lint the data, split it, build the shared tokenizer, assign item IDs from
// training-visible data only, tokenize them into a trie, build user IDs from visible items only, render and
// tokenize prompts, and prove no evaluation target leaks into what the model sees.
import Foundation

extension ExperimentRunner {
    /// The dataset (linted) and its split — all that non-generative baselines need.
    public func prepareData() throws -> (data: Interactions, split: DataSplit, notes: [String]) {
        var notes: [String] = []
        let data = try component(.dataset, as: DatasetSource.self).load()
        log("dataset \(data.name): \(data.userCount) users, \(data.itemCount) items, \(data.interactionCount) interactions")
        notes += data.notes
        notes += DataLint().lint(data).map { "\($0)" }
        let split = try component(.split, as: SplitStrategy.self).split(data)
        notes += split.notes
        log("split: \(split.train.count) training samples, \(split.valid.count) validation, \(split.test.count) test")
        return (data, split, notes)
    }

    /// Everything a run needs before its model: `base` is the data and split when already loaded.
    public func prepare(_ base: (data: Interactions, split: DataSplit, notes: [String])? = nil) throws -> PreparedRun {
        let base = try base ?? prepareData()
        let data = base.data, split = base.split
        var notes = base.notes

        let tokenizer = try sharedTokenizer ?? component(.tokenizer, as: TokenizerBuilder.self).makeTokenizer(corpus: data.items.map(\.text))
        log("tokenizer: \(tokenizer.vocabularySize) tokens")

        // Item IDs: from the catalog and training-visible sequences only.
        let strategyName = experiment.pipeline[.itemIDs]?.choice?.name ?? "?"
        let strategy = try component(.itemIDs, as: ItemIDStrategy.self)
        let started = Date()
        let idInput = ItemIDInput(catalog: data.items, trainingSequences: split.trainingSequences, seed: seed, tokenizer: tokenizer,
                                  progress: progress)
        let assignment = try strategy.assign(idInput)
        guard assignment.ids.count == data.itemCount else {
            throw RunError(stage: "item_ids", "'\(strategyName)' returned \(assignment.ids.count) IDs for \(data.itemCount) items")
        }
        tokenizer.addAtomicTokens(assignment.addedTokens)
        let itemTokens = assignment.ids.map { tokenizer.encode($0, addEOS: true) }
        let trie: Trie
        do {
            trie = try Trie(sequences: itemTokens, eosID: tokenizer.eosID, itemNames: data.items.map(\.rawID))
        } catch {
            throw RunError(stage: "item_ids", "'\(strategyName)' IDs do not form a valid trie: \(error)")
        }
        let buildSeconds = Date().timeIntervalSince(started)
        let card = IDReportCard(strategy: strategyName, assignment: assignment, tokenizer: tokenizer, buildSeconds: buildSeconds)
        log("item IDs (\(strategyName)): \(data.itemCount) unique token sequences in \(String(format: "%.1f", buildSeconds)) s")

        // User IDs and prompts.
        let userIDs = try component(.userIDs, as: UserIDStrategy.self)
        tokenizer.addAtomicTokens(userIDs.addedTokens(userCount: data.userCount))
        let userStarted = Date()
        try userIDs.prepare(UserIDPreparation(trainingSequences: split.trainingSequences, fullSequences: data.sequences,
                                              itemIDs: assignment.ids, catalog: data.items, tokenizer: tokenizer,
                                              idGenerator: (strategy as? TrainableIDGenerator)?.generator, seed: seed))
        var idReport = card.lines
        if let textualUsers = userIDs as? TrainableUserIDs {
            idReport += textualUsers.report.keys.sorted().map { "user IDs \($0): \(textualUsers.report[$0]!)" }
            log("user IDs (textual): \(textualUsers.report["users"] ?? "?") in \(String(format: "%.1f", Date().timeIntervalSince(userStarted))) s")
        }
        let prompts = try component(.prompt, as: PromptFormat.self)
        func render(_ samples: [Sample]) throws -> [PromptPair] {
            try samples.enumerated().map { i, s in
                let uid = try userIDs.userID(UserIDInput(userIndex: s.user, visibleItems: s.history, itemIDs: assignment.ids, catalog: data.items))
                return try prompts.prompt(for: s, index: i, itemIDs: assignment.ids, userID: uid, dataset: data.name)
            }
        }
        let trainPrompts = try render(split.train), validPrompts = try render(split.valid), testPrompts = try render(split.test)
        // The recommender generates the item ID itself: targets are the trie's token sequences.
        let trainPairs = zip(split.train, trainPrompts).map { s, p in
            Seq2SeqPair(source: tokenizer.encode(p.input, addEOS: true), target: itemTokens[s.target])
        }
        func evaluation(_ samples: [Sample], _ rendered: [PromptPair]) -> [EvaluationSample] {
            zip(samples, rendered).map { s, p in
                EvaluationSample(user: data.userIDs[s.user], input: tokenizer.encode(p.input, addEOS: true), target: s.target, history: s.history)
            }
        }

        // Leakage: no valid/test target may reach that user's evaluated prompt, user ID or training data. User IDs
        // are taken at each user's earliest evaluated prediction (validation when there is one): the test-time ID
        // may rightly hold the validation item, which is visible by then.
        var lastUserIDs = [String](repeating: "", count: data.userCount)
        var taken = Set<Int>()
        for s in split.valid + split.test where taken.insert(s.user).inserted {
            lastUserIDs[s.user] = try userIDs.userID(UserIDInput(userIndex: s.user, visibleItems: s.history, itemIDs: assignment.ids, catalog: data.items))
        }
        let leaks = LeakageLint().check(data: data, split: split, itemIDs: assignment.ids, userIDs: lastUserIDs,
                                        validPrompts: validPrompts, testPrompts: testPrompts,
                                        userIDSources: userIDs.itemsRead, declaredUserIDLeak: userIDs.declaredLeak)
        if let fatal = leaks.first(where: { $0.severity == .error }) {
            throw RunError(stage: "leakage", "\(fatal)")
        }
        notes += leaks.map { "\($0)" }
        return PreparedRun(data: data, split: split, tokenizer: tokenizer, itemIDs: assignment.ids, itemTokens: itemTokens,
                           trie: trie, idReport: idReport, trainPairs: trainPairs,
                           validSamples: evaluation(split.valid, validPrompts), testSamples: evaluation(split.test, testPrompts),
                           notes: notes, idBuildSeconds: buildSeconds, strategy: strategy, idInput: idInput,
                           prompts: prompts, userIDs: userIDs)
    }
}
