import Foundation
import XCTest
import IDGenPlugins

/// The acceptance check on a real (tiny, random-weight) model: trie-beam with K ≥ N returns the k best items
/// of a brute-force enumeration that teacher-forces every item's ID through the T5's own cached decoder.
/// Row counts differ between the two (BLAS blocking may round differently), so scores are compared with a
/// tolerance and the order is checked up to near-ties.
final class TrieBeamT5Tests: XCTestCase {
    func testWideBeamOnTinyT5MatchesBruteForce() throws {
        let model = T5Model(config: try T5Config.preset("cpu-tiny"), seed: 3)
        let V = model.config.vocabSize
        let ids = randomIDs(count: 30, vocabulary: 12, maxTokens: 4, seed: 5).map { $0.map { $0 == 1 ? 1 : $0 * 97 % V } }
        let trie = try Trie(sequences: ids, eosID: model.eosID)
        let inputs = [[5, 17, 300, 1], [42, 8, 1]]
        func bruteForce(_ input: [Int]) -> [(item: Int, score: Float)] {
            ids.indices.map { i -> (item: Int, score: Float) in
                let d = model.beginDecoding(inputs: [input])
                var lp = d.step(parents: [0], tokens: [model.decoderStartID]), s: Float = 0
                for t in ids[i] {
                    s += lp[t]
                    if t != model.eosID { lp = d.step(parents: [0], tokens: [t]) }
                }
                return (i, s)
            }.sorted { $0.score > $1.score }
        }
        var c = TrieBeamDecoder.Config(); c.beams = 30; c.k = 10
        let decoder = try TrieBeamDecoder(config: c)
        let batched = decoder.rank(model, trie: trie, inputs: inputs, exclusions: nil)
        for (b, input) in inputs.enumerated() {
            let truth = bruteForce(input)
            let r = batched[b]
            XCTAssertEqual(r.items.count, 10)
            for (j, (item, score)) in zip(r.items, r.scores).enumerated() {
                XCTAssertEqual(score, truth.first { $0.item == item }!.score, accuracy: 1e-4)
                XCTAssertEqual(score, truth[j].score, accuracy: 1e-4, "rank \(j + 1) of input \(b)")
            }
            let single = decoder.rank(model, trie: trie, inputs: [input], exclusions: nil)[0]
            for (x, y) in zip(single.scores, r.scores) { XCTAssertEqual(x, y, accuracy: 1e-4) }
        }
    }

    /// A T5 lets the decoder split a batch into one shard per core: the same items (and scores up to rounding)
    /// as one batch decoded on one worker, and with exclusions routed to the right shard.
    func testShardedBatchEqualsOneWorker() throws {
        let model = T5Model(config: try T5Config.preset("cpu-tiny"), seed: 3)
        XCTAssertTrue(model.supportsConcurrentDecoding)
        let V = model.config.vocabSize
        let ids = randomIDs(count: 60, vocabulary: 12, maxTokens: 4, seed: 9).map { $0.map { $0 == 1 ? 1 : $0 * 89 % V } }
        let trie = try Trie(sequences: ids, eosID: model.eosID)
        let inputs = (0..<5).map { i in [5 + i, 17, 300 + i, 1] }
        let exclusions = (0..<5).map { i in i == 3 ? [0, 1, 2] : [] }
        var c = TrieBeamDecoder.Config(); c.beams = 8; c.k = 8
        let decoder = try TrieBeamDecoder(config: c)
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        var results: [[RankedItems]] = []
        for workers in [1, 2] {
            Parallel.workers = workers
            results.append(decoder.rank(model, trie: trie, inputs: inputs, exclusions: exclusions))
        }
        // Items equal; scores up to float rounding (BLAS may round differently for products of fewer rows).
        XCTAssertEqual(results[0].map(\.items), results[1].map(\.items))
        for (a, b) in zip(results[0], results[1]) {
            for (x, y) in zip(a.scores, b.scores) { XCTAssertEqual(x, y, accuracy: 1e-4) }
        }
        XCTAssertTrue(results[1][3].items.allSatisfy { ![0, 1, 2].contains($0) }, "input 3's exclusions applied in its shard")
    }

    /// An input's ranking does not depend on its batch: prompts of different lengths (so each batch pads them
    /// differently) decoded together, alone and in other pairs give the same items, and scores equal up to
    /// rounding (OpenBLAS picks its kernels by matrix size, and a softmax row's tail is summed by length).
    func testAnInputsResultDoesNotDependOnItsBatch() throws {
        let model = T5Model(config: try T5Config.preset("cpu-tiny"), seed: 5)
        let V = model.config.vocabSize
        let ids = randomIDs(count: 60, vocabulary: 12, maxTokens: 4, seed: 2).map { $0.map { $0 == 1 ? 1 : $0 * 89 % V } }
        let trie = try Trie(sequences: ids, eosID: model.eosID)
        let inputs = (0..<6).map { i in (0..<(3 + 7 * i)).map { 2 + (i * 31 + $0 * 17) % (V - 2) } + [1] }  // 4 to 39 tokens
        var c = TrieBeamDecoder.Config(); c.beams = 8; c.k = 8
        let decoder = try TrieBeamDecoder(config: c)
        let saved = Parallel.workers
        defer { Parallel.workers = saved }
        Parallel.workers = 1
        let together = decoder.rank(model, trie: trie, inputs: inputs, exclusions: nil)
        let alone = inputs.map { decoder.rank(model, trie: trie, inputs: [$0], exclusions: nil)[0] }
        var pairs = [RankedItems](repeating: RankedItems(items: [], scores: [], exhausted: true), count: 6)
        for (a, b) in [(5, 0), (3, 2), (1, 4)] {
            let r = decoder.rank(model, trie: trie, inputs: [inputs[a], inputs[b]], exclusions: nil)
            pairs[a] = r[0]
            pairs[b] = r[1]
        }
        XCTAssertEqual(Set(inputs.map(\.count)).count, 6, "six different prompt lengths")
        for i in 0..<6 {
            XCTAssertEqual(together[i].items, alone[i].items, "input \(i)")
            XCTAssertEqual(pairs[i].items, alone[i].items, "input \(i) in a pair")
            for (a, b) in zip(together[i].scores, alone[i].scores) { XCTAssertEqual(a, b, accuracy: 1e-5 * abs(b)) }
            for (a, b) in zip(pairs[i].scores, alone[i].scores) { XCTAssertEqual(a, b, accuracy: 1e-5 * abs(b)) }
        }
    }
}
