import XCTest
import IDGenPlugins
import Foundation

final class LeakageLintTests: XCTestCase {
    /// A small pipeline: synthetic data, leave-one-out, item IDs from titles, a fixed template.
    struct Pipeline {
        var data: Interactions
        var split: DataSplit
        var itemIDs: [String]
        var prompts: TemplateFilePrompts

        init() throws {
            data = try SyntheticDataset(config: .init(users: 150, items: 200, seed: 3)).load()
            split = try LeaveOneOutSplit().split(data)
            itemIDs = data.items.map { $0.fields["title"]! }
            prompts = try TemplateFilePrompts(config: .init(templates: [.init(input: "user {user_id} bought {history} ; next ?", output: "{target}")],
                                                            choice: .fixed))
        }

        func render(_ samples: [Sample], userIDs: [String]) -> [PromptPair] {
            samples.enumerated().map { prompts.prompt(for: $1, index: $0, itemIDs: itemIDs, userID: userIDs[$1.user], dataset: "d") }
        }

        func lint(userIDs: [String], split: DataSplit? = nil) -> [LintFinding] {
            let s = split ?? self.split
            return LeakageLint().check(data: data, split: s, itemIDs: itemIDs, userIDs: userIDs,
                                       validPrompts: render(s.valid, userIDs: userIDs), testPrompts: render(s.test, userIDs: userIDs))
        }
    }

    func testCleanPipelinePasses() throws {
        let p = try Pipeline()
        // User IDs from the training part only (what a correct user-ids component does).
        let userIDs = p.split.trainingSequences.map { $0.suffix(2).map { p.itemIDs[$0] }.joined(separator: " ") }
        XCTAssertEqual(p.lint(userIDs: userIDs), [])
        XCTAssertEqual(p.lint(userIDs: p.data.userIDs), [])
    }

    func testUserIDsFromFullSequencesAreCaught() throws {
        let p = try Pipeline()
        // The released IDGenRec behaviour: user IDs built from the whole sequence, test item included.
        let leaky = p.data.sequences.map { $0.suffix(2).map { p.itemIDs[$0] }.joined(separator: " ") }
        let findings = p.lint(userIDs: leaky)
        let userID = findings.first { $0.rule == "target-in-user-id" }
        XCTAssertEqual(userID?.severity, .error)
        XCTAssertGreaterThan(userID?.count ?? 0, 100)
        // The leaky user ID sits inside the prompt, but the prompt check attributes it to the user ID only.
        XCTAssertNil(findings.first { $0.rule == "target-in-prompt" })
    }

    func testHistoryHoldingTheTargetIsCaught() throws {
        let p = try Pipeline()
        var leaky = p.split
        leaky.test = leaky.test.map { s in
            var s = s
            s.history.append(s.target)   // the answer in its own history
            return s
        }
        let rules = Set(p.lint(userIDs: p.data.userIDs, split: leaky).map(\.rule))
        XCTAssertTrue(rules.contains("history-beyond-target"))
        XCTAssertTrue(rules.contains("target-in-prompt"))
    }

    func testTrainingSequencesWithTargetsAreCaught() throws {
        let p = try Pipeline()
        var leaky = p.split
        leaky.trainingSequences = p.data.sequences
        let f = p.lint(userIDs: p.data.userIDs, split: leaky).first { $0.rule == "target-in-training" }
        XCTAssertEqual(f?.count, 150)
    }

    func testRepeatedItemsSeenInTrainingAreNotALeak() throws {
        let items = ["a1", "b2", "c3", "d4"].map { CatalogItem(rawID: $0, text: "") }
        let data = Interactions(name: "r", items: items, userIDs: ["u"], sequences: [[0, 1, 2, 0]])
        let split = try LeaveOneOutSplit().split(data)
        let ids = ["a1", "b2", "c3", "d4"]
        let input = { (s: Sample) in PromptPair(input: s.history.map { ids[$0] }.joined(separator: " ; "), output: ids[s.target]) }
        let findings = LeakageLint().check(data: data, split: split, itemIDs: ids, userIDs: ["a1"],
                                           validPrompts: split.valid.map(input), testPrompts: split.test.map(input))
        XCTAssertEqual(findings, [])
    }

    func testWholeTokenMatching() {
        XCTAssertEqual(LeakageLint.occurrences(of: "12", in: "112 ; 12 ; 120"), 1)
        XCTAssertEqual(LeakageLint.occurrences(of: "<c_3>", in: "<c_3><c_3> x"), 2)
        XCTAssertEqual(LeakageLint.occurrences(of: "rose toner", in: "rose toner ; rose toners"), 1)
    }
}

final class LeakageLintBeautyTests: XCTestCase {
    /// The real Beauty split with raw ASINs as IDs and numeric user IDs is leak-free, and the check is quick.
    func testBeautyPipelineIsClean() throws {
        guard let path = ScratchFolder.sharedData("beauty") else { throw XCTSkip("../shared/data/beauty is absent") }
        let data = try IDGenRecFolderDataset(config: .init(path: path)).load()
        let split = try LeaveOneOutSplit().split(data)
        let ids = data.items.map(\.rawID)
        let prompts = try TemplateFilePrompts(config: .init(templates: [.init(input: "user_{user_id} : {history}", output: "{target}")]))
        let userIDs = (0..<data.userCount).map { String($0 + 1) }
        let render = { (samples: [Sample]) in
            samples.enumerated().map { prompts.prompt(for: $1, index: $0, itemIDs: ids, userID: userIDs[$1.user], dataset: "beauty") }
        }
        let start = Date()
        let findings = LeakageLint().check(data: data, split: split, itemIDs: ids, userIDs: userIDs,
                                           validPrompts: render(split.valid), testPrompts: render(split.test))
        print("leakage lint on beauty: \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        XCTAssertEqual(findings, [])
    }
}
