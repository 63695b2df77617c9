import Foundation
import XCTest
import IDGenPlugins

final class GreedyDecoderTests: XCTestCase {
    func testConstrainedGreedyFollowsTheBestAllowedTokenAtEveryPosition() throws {
        let ids = randomIDs(count: 50, vocabulary: 10, maxTokens: 4, seed: 6)
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 10, seed: 3)
        let inputs = (0 ..< 4).map { [$0] }
        let results = try GreedyDecoder().rank(scorer, trie: trie, inputs: inputs, exclusions: nil)
        XCTAssertEqual(scorer.beginCalls, 1)
        for (b, r) in results.enumerated() {
            var node = Trie.root, prefix: [Int] = []                       // the greedy walk, one input at a time
            while trie.item(at: node) == nil {
                let lp = scorer.logProbs(input: inputs[b], prefix: prefix)
                let t = trie.allowedTokens(at: node).max { lp[$0] < lp[$1] }!
                prefix.append(t); node = trie.child(of: node, token: t)!
            }
            XCTAssertEqual(r.items, [trie.item(at: node)!])
            XCTAssertEqual(r.scores[0], scorer.sequenceLogProb(input: inputs[b], sequence: prefix))
            XCTAssertFalse(r.exhausted)
        }
    }

    func testConstrainedGreedySkipsExcludedItemsAndSaysWhenNothingIsLeft() throws {
        let ids = [[4, 1], [5, 1], [5, 6, 1]]
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 8, seed: 1)
        let first = try GreedyDecoder().rank(scorer, trie: trie, inputs: [[0]], exclusions: nil)[0].items[0]
        let second = try GreedyDecoder().rank(scorer, trie: trie, inputs: [[0]], exclusions: [[first]])[0]
        XCTAssertEqual(second.items.count, 1)
        XCTAssertNotEqual(second.items[0], first)
        let none = try GreedyDecoder().rank(scorer, trie: trie, inputs: [[0]], exclusions: [[0, 1, 2]])[0]
        XCTAssertEqual(none.items, [])
        XCTAssertTrue(none.exhausted)
    }

    func testFreeGreedyStopsAtEOSOrMaxLength() throws {
        // p(·|[]) favours 3, p(·|[3]) favours EOS; anything else favours 2 forever.
        let scorer = TableScorer(vocabularySize: 5) { input, prefix in
            if prefix.isEmpty { return input == [0] ? [0, 0, 1, 5, 0] : [0, 0, 5, 1, 0] }
            return prefix == [3] ? [0, 6, 1, 0, 0] : [0, 0, 4, 0, 0]
        }
        var c = GreedyDecoder.Config(); c.maxLength = 4
        let out = try GreedyDecoder(config: c).generate(scorer, inputs: [[0], [1]])
        XCTAssertEqual(out.map { $0.tokens }, [[3, 1], [2, 2, 2]])
        XCTAssertEqual(out[0].score, scorer.sequenceLogProb(input: [0], sequence: [3, 1]))
    }

    func testExactScorerMatchesTeacherForcingAndBeamWithWideBeam() throws {
        let ids = randomIDs(count: 30, vocabulary: 9, maxTokens: 4, seed: 12)
        let trie = try Trie(sequences: ids, eosID: 1)
        let inputs = [[1, 2], [3]]
        let scorer = TableScorer(vocabularySize: 9, seed: 12)
        let exact = try ExactScorer().scores(scorer, trie: trie, inputs: inputs)
        for (b, input) in inputs.enumerated() {
            XCTAssertEqual(exact[b], ids.map { scorer.sequenceLogProb(input: input, sequence: $0) })
        }
        XCTAssertLessThanOrEqual(scorer.stepRowCounts.count, trie.maxLength)
        var ec = ExactScorer.Config(); ec.k = 7
        var bc = TrieBeamDecoder.Config(); bc.k = 7; bc.beams = 30
        XCTAssertEqual(try ExactScorer(config: ec).rank(scorer, trie: trie, inputs: inputs, exclusions: [[3], []]),
                       try TrieBeamDecoder(config: bc).rank(scorer, trie: trie, inputs: inputs, exclusions: [[3], []]))
    }
}
