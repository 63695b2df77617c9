import Foundation
import XCTest
import IDGenPlugins

/// `textual` user IDs on synthetic data: one unique ID per user from the training-visible items only, the
/// leaky reproduction option reading whole sequences and declared as such, and the lint judging both.
final class TextualUserIDsTests: XCTestCase {
    struct Setup {
        var data: Interactions
        var split: DataSplit
        var itemIDs: [String]
        var tokenizer: UnigramTokenizer
        var generator: T5Model

        init() throws {
            data = try SyntheticDataset(config: .init(users: 40, items: 60, seed: 5)).load()
            split = try LeaveOneOutSplit().split(data)
            itemIDs = data.items.map { $0.fields["title"]! }
            let texts = data.items.map(\.text)
            tokenizer = try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 250, byteFallback: false))
                .train(texts: texts + itemIDs + ["0 1 2 3 4 5 6 7 8 9"])
            var shape = TextualIDsTests.shape
            shape.vocabSize = tokenizer.vocabularySize
            shape.padTokenID = tokenizer.padID
            shape.decoderStartTokenID = tokenizer.padID
            shape.eosTokenID = tokenizer.eosID
            generator = T5Model(config: shape, seed: 21)
        }

        func preparation(generator: T5Model? = nil, withGenerator: Bool = true) -> UserIDPreparation {
            UserIDPreparation(trainingSequences: split.trainingSequences, fullSequences: data.sequences, itemIDs: itemIDs,
                              catalog: data.items, tokenizer: tokenizer, idGenerator: withGenerator ? (generator ?? self.generator) : nil,
                              seed: 9)
        }
    }

    static func config(_ history: TextualUserIDs.History = .training) -> TextualUserIDs.Config {
        var c = TextualUserIDs.Config()
        c.history = history
        c.maxItems = 5
        c.batchSize = 16
        c.lengthLevels = 1
        return c
    }

    func testOneUniqueIDPerUserFromTrainingVisibleItems() throws {
        let s = try Setup()
        let users = try TextualUserIDs(config: Self.config())
        try users.prepare(s.preparation())
        XCTAssertEqual(users.ids.count, s.data.userCount)
        XCTAssertTrue(users.ids.allSatisfy { !ItemText.words($0).isEmpty }, "\(users.ids)")
        XCTAssertEqual(Set(users.ids.map { s.tokenizer.encode($0, addEOS: true) }).count, s.data.userCount, "unique token sequences")
        XCTAssertEqual(users.itemsRead!, s.split.trainingSequences.map { Array($0.suffix(5)) })
        XCTAssertNil(users.declaredLeak)
        // What the generator reads: the items' IDs in force, oldest first.
        XCTAssertEqual(users.generatorTexts(itemIDs: s.itemIDs)[0],
                       s.split.trainingSequences[0].suffix(5).map { s.itemIDs[$0] }.joined(separator: ", "))
        // Per user, whatever the prediction's own history.
        let u = 3
        XCTAssertEqual(try users.userID(UserIDInput(userIndex: u, visibleItems: [])), users.ids[u])
        XCTAssertNotNil(users.report["users"])
        // No validation/test target is read, so the lint finds nothing about user IDs.
        let findings = LeakageLint().check(data: s.data, split: s.split, itemIDs: s.itemIDs, userIDs: users.ids,
                                           validPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.valid.count),
                                           testPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.test.count),
                                           userIDSources: users.itemsRead, declaredUserIDLeak: users.declaredLeak)
        XCTAssertEqual(findings.filter { $0.rule.hasPrefix("target-in-user-id") }, [])
        // Judged on what was read, not on the words: an ID that happens to spell a test target's ID is clean.
        var coincidence = users.ids
        coincidence[s.split.test[0].user] = s.itemIDs[s.split.test[0].target]
        let again0 = LeakageLint().check(data: s.data, split: s.split, itemIDs: s.itemIDs, userIDs: coincidence,
                                         validPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.valid.count),
                                         testPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.test.count),
                                         userIDSources: users.itemsRead)
        XCTAssertEqual(again0.filter { $0.rule.hasPrefix("target-in-user-id") }, [])

        let again = try TextualUserIDs(config: Self.config())
        try again.prepare(s.preparation())
        XCTAssertEqual(again.ids, users.ids, "deterministic")
        // Another generator: regenerated IDs, changes counted.
        var shape = s.generator.config
        shape.vocabSize = s.tokenizer.vocabularySize
        try users.regenerate(with: T5Model(config: shape, seed: 77), itemIDs: s.itemIDs, tokenizer: s.tokenizer)
        XCTAssertNotNil(users.report["changed_since_previous"])
        XCTAssertNotEqual(users.ids, again.ids)
    }

    func testLeakyReproductionReadsWholeSequencesAndTheLintReportsIt() throws {
        let s = try Setup()
        let users = try TextualUserIDs(config: Self.config(.fullSequenceLeak))
        try users.prepare(s.preparation())
        XCTAssertEqual(users.itemsRead!, s.data.sequences.map { Array($0.suffix(5)) })
        let declared = try XCTUnwrap(users.declaredLeak)
        XCTAssertTrue(declared.contains("full-sequence-leak") && declared.contains("not leak-free"), declared)
        func lint(declared: String?) -> LintFinding? {
            LeakageLint().check(data: s.data, split: s.split, itemIDs: s.itemIDs, userIDs: users.ids,
                                validPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.valid.count),
                                testPrompts: [PromptPair](repeating: PromptPair(input: "", output: ""), count: s.split.test.count),
                                userIDSources: users.itemsRead, declaredUserIDLeak: declared)
                .first { $0.rule == "target-in-user-id-input" }
        }
        // Undeclared, reading the targets stops the run; declared by the named option, it is a warning.
        let undeclared = try XCTUnwrap(lint(declared: nil))
        XCTAssertEqual(undeclared.severity, .error)
        XCTAssertGreaterThan(undeclared.count, s.data.userCount / 2)
        let allowed = try XCTUnwrap(lint(declared: declared))
        XCTAssertEqual(allowed.severity, .warning)
        XCTAssertTrue(allowed.message.contains("allowed: user_ids.history"), allowed.message)
    }

    func testErrorsNameWhatIsMissing() throws {
        let s = try Setup()
        let users = try TextualUserIDs(config: Self.config())
        XCTAssertThrowsError(try users.userID(UserIDInput(userIndex: 0, visibleItems: []))) {
            XCTAssertEqual($0 as? UserIDError, .notPrepared(strategy: "textual", user: 0, users: 0))
        }
        XCTAssertThrowsError(try users.prepare(s.preparation(withGenerator: false))) {
            XCTAssertEqual($0 as? UserIDError, .needsGenerator(strategy: "textual"))
            XCTAssertTrue("\($0)".contains("item_ids 'textual'"))
        }
        var c = Self.config()
        c.maxItems = 0
        XCTAssertThrowsError(try TextualUserIDs(config: c)) { XCTAssertTrue("\($0)".contains("'max_items'"), "\($0)") }
        c = Self.config()
        c.beams = 7
        XCTAssertThrowsError(try TextualUserIDs(config: c)) { XCTAssertTrue("\($0)".contains("'beams'"), "\($0)") }
    }

    func testRegisteredWithItsRequirementAndNamedOptions() throws {
        let reg = try XCTUnwrap(BuiltinComponents.all.first { $0.kind == .userIDs && $0.name == "textual" })
        XCTAssertEqual(reg.requires.map(\.capability), [.trainableIDGenerator])
        let made = try reg.build(.object([("history", .string("full-sequence-leak")), ("input", .string("item-texts"))]))
        XCTAssertEqual((made as? TextualUserIDs)?.config.history, .fullSequenceLeak)
        XCTAssertEqual((made as? TextualUserIDs)?.config.input, .itemTexts)
        XCTAssertThrowsError(try reg.build(.object([("history", .string("full"))])))
    }
}
