import Foundation
import XCTest
import IDGenPlugins

final class TrieBeamDecoderTests: XCTestCase {
    func decoder(beams: Int, k: Int, normalize: Bool = false, alpha: Float = 1, renormalize: Bool = false) throws -> TrieBeamDecoder {
        var c = TrieBeamDecoder.Config()
        c.beams = beams; c.k = k; c.lengthNormalization = normalize; c.lengthPenalty = alpha
        c.renormalizeAllowed = renormalize
        return try TrieBeamDecoder(config: c)
    }

    /// With K ≥ the number of items nothing is pruned, so beam search must return the brute-force top k,
    /// scores equal bit for bit (same Float summation order).
    func testWideBeamReturnsExactTopKOverSeeds() throws {
        for seed in UInt64(1) ... 6 {
            let ids = randomIDs(count: 40, vocabulary: 9, maxTokens: 4, seed: seed)
            let trie = try Trie(sequences: ids, eosID: 1)
            let scorer = TableScorer(vocabularySize: 9, seed: seed &* 31)
            let inputs = [[3, 4, 5], [Int(seed % 8), 2], [8]]
            for alpha: Float? in [nil, 1.0, 0.6] {
                let d = try decoder(beams: 40, k: 10, normalize: alpha != nil, alpha: alpha ?? 1)
                let results = d.rank(scorer, trie: trie, inputs: inputs, exclusions: nil)
                for (b, r) in results.enumerated() {
                    let truth = bruteForceRanking(scorer, input: inputs[b], ids: ids, lengthPenalty: alpha).prefix(10)
                    XCTAssertEqual(r.items, truth.map { $0.item }, "seed \(seed) input \(b) alpha \(String(describing: alpha))")
                    XCTAssertEqual(r.scores, truth.map { $0.score })
                    XCTAssertFalse(r.exhausted)
                }
            }
        }
    }

    func testRenormalizedScoresMatchBruteForceOverAllowedTokens() throws {
        let ids = randomIDs(count: 25, vocabulary: 8, maxTokens: 3, seed: 11)
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 8, seed: 5)
        let input = [2, 3]
        let truth = ids.indices.map { i -> (Int, Float) in
            var s: Float = 0, node = Trie.root
            for (p, t) in ids[i].enumerated() {
                let lp = scorer.logProbs(input: input, prefix: Array(ids[i][..<p]))
                let allowed = trie.allowedTokens(at: node)
                let lse = log(allowed.reduce(Float(0)) { $0 + exp(lp[$1]) })
                s += lp[t] - lse
                node = trie.child(of: node, token: t)!
            }
            return (i, s)
        }.sorted { $0.1 > $1.1 }
        let r = try decoder(beams: 25, k: 8, renormalize: true).rank(scorer, trie: trie, inputs: [input], exclusions: nil)[0]
        XCTAssertEqual(r.items, truth.prefix(8).map { $0.0 })
        for (a, b) in zip(r.scores, truth.prefix(8).map { $0.1 }) { XCTAssertEqual(a, b, accuracy: 1e-4) }
    }

    /// A narrow beam may miss the best items, but everything it returns is real, distinct, correctly
    /// scored and sorted, and it still returns exactly k items (K ≥ k and ≥ k items exist).
    func testNarrowBeamReturnsKDistinctValidCorrectlyScoredItems() throws {
        for seed in UInt64(20) ... 25 {
            let ids = randomIDs(count: 300, vocabulary: 30, maxTokens: 5, seed: seed)
            let trie = try Trie(sequences: ids, eosID: 1)
            let scorer = TableScorer(vocabularySize: 30, seed: seed, spread: 8)
            let inputs = (0 ..< 4).map { [$0, Int(seed)] }
            let results = try decoder(beams: 6, k: 6).rank(scorer, trie: trie, inputs: inputs, exclusions: nil)
            for (b, r) in results.enumerated() {
                XCTAssertEqual(r.items.count, 6)
                XCTAssertFalse(r.exhausted)
                XCTAssertEqual(Set(r.items).count, 6, "duplicates in \(r.items)")
                XCTAssertTrue(r.items.allSatisfy { ids.indices.contains($0) })
                XCTAssertEqual(r.scores, r.scores.sorted(by: >))
                for (item, score) in zip(r.items, r.scores) {
                    XCTAssertEqual(score, scorer.sequenceLogProb(input: inputs[b], sequence: ids[item]))
                }
            }
        }
    }

    func testBatchedAndUnbatchedResultsAreIdenticalAndStepsAreBatched() throws {
        let ids = randomIDs(count: 200, vocabulary: 20, maxTokens: 6, seed: 3)
        let trie = try Trie(sequences: ids, eosID: 1)
        let inputs = (0 ..< 7).map { [$0 % 3, $0, 9] }
        let d = try decoder(beams: 8, k: 5, normalize: true)
        let batchedScorer = TableScorer(vocabularySize: 20, seed: 99)
        let batched = d.rank(batchedScorer, trie: trie, inputs: inputs, exclusions: nil)
        let single = inputs.map { d.rank(TableScorer(vocabularySize: 20, seed: 99), trie: trie, inputs: [$0], exclusions: nil)[0] }
        XCTAssertEqual(batched, single)
        XCTAssertEqual(batchedScorer.beginCalls, 1)
        XCTAssertLessThanOrEqual(batchedScorer.stepRowCounts.count, trie.maxLength, "one step per position")
        XCTAssertEqual(batchedScorer.stepRowCounts.first, 7)
        XCTAssertTrue(batchedScorer.stepRowCounts.allSatisfy { $0 <= 7 * 8 })
    }

    func testFewerReachableItemsThanKSaysSoWithoutJunk() throws {
        let ids = [[4, 1], [4, 5, 1], [6, 1]]
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 8, seed: 1)
        let r = try decoder(beams: 5, k: 5).rank(scorer, trie: trie, inputs: [[2]], exclusions: nil)[0]
        XCTAssertEqual(Set(r.items), [0, 1, 2])
        XCTAssertEqual(r.items.count, 3)
        XCTAssertTrue(r.exhausted)
        XCTAssertTrue(r.scores.allSatisfy { $0.isFinite })
    }

    func testExcludedHistoryNeverReturnedAndStillKItems() throws {
        let ids = randomIDs(count: 60, vocabulary: 10, maxTokens: 4, seed: 8)
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 10, seed: 8)
        let full = try decoder(beams: 60, k: 10).rank(scorer, trie: trie, inputs: [[1]], exclusions: nil)[0]
        let history = Array(full.items.prefix(4))
        let r = try decoder(beams: 60, k: 10).rank(scorer, trie: trie, inputs: [[1]], exclusions: [history])[0]
        let truth = bruteForceRanking(scorer, input: [1], ids: ids, excluding: Set(history)).prefix(10)
        XCTAssertEqual(r.items, truth.map { $0.item })
        XCTAssertTrue(Set(r.items).isDisjoint(with: history))
        // A narrow beam too: excluded branches take no beam slot, so k items still come out.
        let narrow = try decoder(beams: 3, k: 3).rank(scorer, trie: trie, inputs: [[1]], exclusions: [history])[0]
        XCTAssertEqual(narrow.items.count, 3)
        XCTAssertTrue(Set(narrow.items).isDisjoint(with: history))
    }

    func testConfigDecodesSnakeCaseWithDefaultsAndRejectsKAboveBeams() throws {
        let c = try decodeConfig(TrieBeamDecoder.Config.self, #"{"beams": 30, "length_normalization": true}"#)
        XCTAssertEqual(c.beams, 30)
        XCTAssertEqual(c.k, 20)
        XCTAssertTrue(c.lengthNormalization)
        XCTAssertThrowsError(try decoder(beams: 4, k: 5)) {
            XCTAssertTrue("\($0)".contains("raise 'beams'"))
        }
    }
}
