import Foundation
import XCTest
import IDGenPlugins

/// Hand-worked group beam search. Tokens: 0 start/pad, 1 EOS, 2, 3, 4. Logits are log-probabilities, so the
/// scorer's log-softmax returns them unchanged (up to Float rounding).
final class DiverseBeamDecoderTests: XCTestCase {
    func table(_ rows: [[Int]: [Float]]) -> TableScorer {
        TableScorer(vocabularySize: 5) { _, prefix in
            (rows[prefix] ?? [0, 0.25, 0.25, 0.25, 0.25]).map { log($0) }
        }
    }

    func decoder(groups: Int = 2, perGroup: Int = 1, penalty: Float, minLength: Int = 0, maxLength: Int = 5,
                 returnCount: Int = 2) throws -> DiverseBeamDecoder {
        var c = DiverseBeamDecoder.Config()
        c.groups = groups; c.beamsPerGroup = perGroup; c.diversityPenalty = penalty
        c.minLength = minLength; c.maxLength = maxLength; c.returnCount = returnCount
        return try DiverseBeamDecoder(config: c)
    }

    // p(·|[]) = EOS .1, 2 .5, 3 .3, 4 .1;  p(·|[2]) = EOS .6, 3 .1, 4 .3;  p(·|[3]) = EOS .3, 2 .1, 4 .6.
    // λ = 1. Step 1: group 0 takes 2 (ln .5). Group 1: 2 scores ln .5 − 1 = −1.69 < ln .3 = −1.20, so it takes 3.
    // Step 2: group 0 at [2]: EOS (rank 0) → hypothesis [2 EOS], (ln .5 + ln .6)/2; 4 stays live; done, since
    //   worst (−0.602) ≥ best sum / cur_len = (ln .5 + ln .6)/2. Group 1 at [3]: 4 is penalized (group 0 just
    //   chose it): ln .6 − 1 = −1.51 < ln .3 (EOS) = −1.20, so EOS is rank 0 → [3 EOS], (ln .3 + ln .3)/2.
    //   Without the penalty 4 would rank first and EOS (rank 1 ≥ beams per group) would be ignored.
    let example: [[Int]: [Float]] = [[]: [0, 0.1, 0.5, 0.3, 0.1], [2]: [0, 0.6, 0, 0.1, 0.3], [3]: [0, 0.3, 0.1, 0, 0.6]]

    func testHammingPenaltyMatchesHandWorkedExample() throws {
        let scorer = table(example)
        let out = try decoder(penalty: 1).generate(scorer, inputs: [[7]])[0]
        XCTAssertEqual(out.map { $0.tokens }, [[2, 1], [3, 1]])
        XCTAssertEqual(out[0].score, (log(0.5) + log(0.6)) / 2, accuracy: 1e-5)
        XCTAssertEqual(out[1].score, (log(0.3) + log(0.3)) / 2, accuracy: 1e-5)
        XCTAssertEqual(scorer.stepRowCounts, [2, 2], "both groups stop after two positions")
    }

    func testWithoutPenaltyGroupsCollapseOntoOneSequence() throws {
        let out = try decoder(penalty: 0).generate(table(example), inputs: [[7]])[0]
        XCTAssertEqual(out.map { $0.tokens }, [[2, 1]], "identical sequences from two groups are returned once")
    }

    // The penalty accumulates into the beam score (as in HF). λ = 0.5, EOS banned (min_length 3 = max_length):
    // step 1: group 1 takes 2 anyway (ln .5 − .5 = −1.193 > ln .3 = −1.204), carrying −1.193.
    // step 2 at [2] (p: 3 .4, 4 .5): group 0 takes 4; group 1: 4 → ln .5 − .5 = −1.193 < ln .4, takes 3.
    // Unfinished beams are returned at max_length with length 1 + 2 = 3.
    func testPenaltyAccumulatesIntoScoresAndUnfinishedBeamsAreReturnedAtMaxLength() throws {
        let scorer = table([[]: [0, 0.1, 0.5, 0.3, 0.1], [2]: [0, 0.1, 0, 0.4, 0.5]])
        let out = try decoder(penalty: 0.5, minLength: 3, maxLength: 3).generate(scorer, inputs: [[7]])[0]
        XCTAssertEqual(out.map { $0.tokens }, [[2, 4], [2, 3]])
        XCTAssertEqual(out[0].score, (log(0.5) + log(0.5)) / 3, accuracy: 1e-5)
        XCTAssertEqual(out[1].score, (log(0.5) - 0.5 + log(0.4)) / 3, accuracy: 1e-5)
    }

    func testMinLengthBansEOS() throws {
        let out = try decoder(penalty: 1, minLength: 3).generate(table(example), inputs: [[7]])[0]
        XCTAssertTrue(out.allSatisfy { $0.tokens.count >= 2 && !$0.tokens.dropLast().contains(1) })
        XCTAssertFalse(out.contains { $0.tokens == [2, 1] || $0.tokens == [3, 1] })
    }

    func testTrieConstrainedReturnsDistinctRealItemsAndBatchesIdentically() throws {
        let ids = randomIDs(count: 80, vocabulary: 12, maxTokens: 5, seed: 4)
        let trie = try Trie(sequences: ids, eosID: 1)
        let inputs = (0 ..< 5).map { [$0, 3] }
        let d = try decoder(groups: 4, perGroup: 2, penalty: 0.7, maxLength: 10, returnCount: 8)
        let batched = d.generate(TableScorer(vocabularySize: 12, seed: 2), inputs: inputs, trie: trie)
        for (b, seqs) in batched.enumerated() {
            XCTAssertFalse(seqs.isEmpty)
            XCTAssertEqual(Set(seqs.compactMap { $0.item }).count, seqs.count, "real and distinct")
            for s in seqs { XCTAssertEqual(ids[try XCTUnwrap(s.item)], s.tokens) }
            XCTAssertEqual(seqs.map { $0.score }, seqs.map { $0.score }.sorted(by: >))
            XCTAssertEqual(seqs, d.generate(TableScorer(vocabularySize: 12, seed: 2), inputs: [inputs[b]], trie: trie)[0])
        }
        let ranked = d.rank(TableScorer(vocabularySize: 12, seed: 2), trie: trie, inputs: inputs,
                            exclusions: batched.map { [$0[0].item!] })
        for (r, seqs) in zip(ranked, batched) { XCTAssertFalse(r.items.contains(seqs[0].item!)) }
    }

    func testConfigValidation() throws {
        XCTAssertThrowsError(try decoder(groups: 2, perGroup: 1, penalty: 1, returnCount: 3)) {
            XCTAssertTrue("\($0)".contains("return_count"))
        }
        let c = try decodeConfig(DiverseBeamDecoder.Config.self, #"{"groups": 3, "beams_per_group": 4, "diversity_penalty": 2.5}"#)
        XCTAssertEqual(c.groups, 3)
        XCTAssertEqual(c.diversityPenalty, 2.5)
        XCTAssertEqual(c.returnCount, 10)
    }
}
