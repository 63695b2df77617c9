import XCTest
import IDGenPlugins

/// Diverse ID generation (IDGenRec Alg. 1) driven by a scripted generator: the escalation schedule, token-level
/// uniqueness, the last resort, empty texts, batching and determinism.
final class DiverseIDGenerationTests: XCTestCase {
    /// Words the scripted candidates use, plus numbers so numeric disambiguators are distinct sequences.
    static let tokenizer = WordTableTokenizer(words: ["item", "taken", "fresh", "blue", "red", "shoe", "x"]
        + (0 ... 1100).map(String.init) + (1 ... 10).map { "p\($0)" } + [1, 11, 21, 31].map { "l\($0)" })

    func testEscalationRaisesPenaltyToTenThenLengthWithPenaltyReset() throws {
        // Item "b" collides with "a"'s ID until penalty 4 at L = 11.
        let stub = ScriptedIDCandidates { text, penalty, length in
            if text == "a" { return ["taken"] }
            return penalty == 4 && length == 11 ? ["taken", "fresh"] : ["taken", "TAKEN!"]
        }
        let out = try DiverseIDGeneration().generate(texts: ["a", "b"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids, ["taken", "fresh"])
        let expected = (1 ... 10).map { [$0, 1] } + (1 ... 4).map { [$0, 11] }
        XCTAssertEqual(stub.schedule, expected)
        XCTAssertEqual(stub.calls.map(\.maxLength), expected.map { $0[1] + 10 })
        XCTAssertEqual(stub.calls.first?.texts, ["a", "b"])
        XCTAssertTrue(stub.calls.dropFirst().allSatisfy { $0.texts == ["b"] }, "only unresolved items are asked again")
        XCTAssertEqual(out.penaltyEscalations, 9 + 3)
        XCTAssertEqual(out.lengthEscalations, 1)
        XCTAssertEqual(out.lastResortSuffixes, 0)
        XCTAssertEqual(out.rounds.count, 14)
        XCTAssertEqual(out.rounds.map(\.resolved), [1] + [Int](repeating: 0, count: 12) + [1])
        // a: 1 candidate; b: 2 per round for 13 rounds, then "taken" and "fresh"
        XCTAssertEqual(out.candidatesTried, 1 + 2 * 13 + 2)
        XCTAssertEqual(out.report["last_resort_suffixes"], "0")
    }

    func testScheduleEndsInNumericSuffixAfterAllLengthLevels() throws {
        let stub = ScriptedIDCandidates { _, _, _ in ["red shoe"] }
        var c = DiverseIDGeneration.Config()
        c.lengthLevels = 2
        let out = try DiverseIDGeneration(config: c).generate(texts: ["a", "b", "c"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids, ["red shoe", "red shoe 2", "red shoe 3"])
        XCTAssertEqual(stub.schedule, (1 ... 10).map { [$0, 1] } + (1 ... 10).map { [$0, 11] })
        XCTAssertEqual(out.lastResortSuffixes, 2)
        XCTAssertEqual(out.penaltyEscalations, 18)
        XCTAssertEqual(out.lengthEscalations, 1)
    }

    func testUniquenessIsJudgedOnTokenSequences() throws {
        // "zzz" and "yyy" are both [unk, eos] for this tokenizer; "Blue!" normalizes to "blue".
        let stub = ScriptedIDCandidates { text, _, _ in
            text == "first" ? ["zzz"] : ["yyy", "ZZZ", "Blue!", "red"]
        }
        let out = try DiverseIDGeneration().generate(texts: ["first", "second"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids, ["zzz", "blue"])
        XCTAssertEqual(stub.calls.count, 1)
    }

    func testRepeatsCollapseAndWordsAreCappedWhenAsked() throws {
        let stub = ScriptedIDCandidates { text, _, _ in
            text == "a" ? ["red red red red red"] : ["red", "blue red blue red", "shoe"]
        }
        var c = DiverseIDGeneration.Config()
        c.collapseRepeats = true
        c.maxWords = 2
        let out = try DiverseIDGeneration(config: c).generate(texts: ["a", "b"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids, ["red", "blue red"], "'red' is taken, so b gets its second candidate, cut to two words")
        // Off by default (items keep the generator's words as they are).
        let plain = try DiverseIDGeneration().generate(texts: ["a"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(plain.ids, ["red red red red red"])
        c.maxWords = 0
        XCTAssertThrowsError(try DiverseIDGeneration(config: c)) { XCTAssertTrue("\($0)".contains("max_words")) }
    }

    func testIdenticalAndEmptyTextsAllGetDistinctNonEmptyIDs() throws {
        // Candidates depend only on (text, penalty, L): identical texts see identical lists every round.
        let stub = ScriptedIDCandidates { text, penalty, length in
            (0 ..< 10).map { "\(text == "item" ? "item" : "shoe") p\(Int(penalty)) l\(length) \($0)" }
        }
        let texts = [String](repeating: "red shoe", count: 150) + [String](repeating: "", count: 40)
            + [String](repeating: " ;; ", count: 5) + ["blue shoe"]
        let out = try DiverseIDGeneration().generate(texts: texts, generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids.count, texts.count)
        XCTAssertTrue(out.ids.allSatisfy { !$0.isEmpty })
        XCTAssertEqual(Set(out.ids.map { Self.tokenizer.encode($0, addEOS: true) }).count, texts.count)
        XCTAssertEqual(out.placeholderItems, 45)
        XCTAssertFalse(stub.calls.contains { $0.texts.contains { ItemText.words($0).isEmpty } },
                       "the generator never sees an empty text")
        XCTAssertEqual(out.lastResortSuffixes, 0)
        XCTAssertEqual(out.rounds.count, 16, "151 identical candidate lists, 10 free candidates per round")
    }

    func testGeneratorThatNeverOffersWordsFallsBackToPlaceholder() throws {
        let stub = ScriptedIDCandidates { _, _, _ in ["", "!!"] }
        var c = DiverseIDGeneration.Config()
        c.lengthLevels = 1
        let out = try DiverseIDGeneration(config: c).generate(texts: ["a", "", "b"], generator: stub, tokenizer: Self.tokenizer)
        XCTAssertEqual(out.ids, ["item", "item 2", "item 3"])
        XCTAssertEqual(out.candidatesTried, 0)
        XCTAssertEqual(out.lastResortSuffixes, 3)
    }

    func testIndistinguishableSuffixesAreAnError() throws {
        let words = WordTableTokenizer(words: ["red"])       // digits are unknown: "red 2" == "red 3"
        let stub = ScriptedIDCandidates { _, _, _ in ["red"] }
        var c = DiverseIDGeneration.Config()
        c.lengthLevels = 1
        XCTAssertThrowsError(try DiverseIDGeneration(config: c).generate(texts: ["a", "b", "c"], generator: stub, tokenizer: words)) {
            XCTAssertEqual($0 as? ItemIDError, .indistinguishable(strategy: "textual", id: "red"))
        }
    }

    func testBatchSizeDoesNotChangeTheIDsAndRunsAreDeterministic() throws {
        let script: (String, Float, Int) -> [String] = { text, penalty, length in
            let base = Int(text)! % 7
            return (0 ..< 3).map { "\(base * 10 + $0 + Int(penalty) * 100 + length)" }
        }
        let texts = (0 ..< 60).map(String.init)
        func run(batch: Int) throws -> DiverseIDGeneration.Outcome {
            var c = DiverseIDGeneration.Config()
            c.batchSize = batch
            let stub = ScriptedIDCandidates(script: script)
            let out = try DiverseIDGeneration(config: c).generate(texts: texts, generator: stub, tokenizer: Self.tokenizer)
            XCTAssertTrue(stub.calls.allSatisfy { $0.texts.count <= batch })
            return out
        }
        let one = try run(batch: 1), seven = try run(batch: 7), all = try run(batch: 64)
        XCTAssertEqual(one, seven)
        XCTAssertEqual(one, all)
        XCTAssertEqual(try run(batch: 7), seven)
        XCTAssertEqual(Set(one.ids).count, texts.count)
    }

    func testInvalidConfigIsRejected() {
        var c = DiverseIDGeneration.Config()
        c.placeholderText = "…"
        XCTAssertThrowsError(try DiverseIDGeneration(config: c))
        c = DiverseIDGeneration.Config()
        c.batchSize = 0
        XCTAssertThrowsError(try DiverseIDGeneration(config: c))
    }
}
