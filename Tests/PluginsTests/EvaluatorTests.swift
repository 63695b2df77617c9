import Foundation
import XCTest
import IDGenPlugins

final class EvaluatorTests: XCTestCase {
    let ids = randomIDs(count: 40, vocabulary: 10, maxTokens: 4, seed: 21)

    func samples() -> [EvaluationSample] {
        // Prompts of 1-3 tokens out of length order: the evaluator batches them by length and must hand the
        // results back in this order.
        (0 ..< 7).map { u in
            EvaluationSample(user: "u\(u)", input: [u] + Array(repeating: 2, count: (7 - u) % 3), target: (u * 5) % 40, history: [u, u + 1])
        }
    }

    func testRunsAllUsersInBatchesWithProgressAndRanks() throws {
        let trie = try Trie(sequences: ids, eosID: 1)
        var bc = TrieBeamDecoder.Config(); bc.beams = 40; bc.k = 40
        let decoder = try TrieBeamDecoder(config: bc)
        let scorer = TableScorer(vocabularySize: 10, seed: 4)
        var calls: [[Int]] = []
        let rows = try Evaluator(config: .init(batchSize: 3)).run(decoder, scorer: scorer, trie: trie, samples: samples()) {
            calls.append([$0, $1])
        }
        XCTAssertEqual(calls, [[3, 7], [6, 7], [7, 7]])
        XCTAssertEqual(scorer.beginCalls, 3)
        XCTAssertEqual(rows.map { $0.user }, (0 ..< 7).map { "u\($0)" })
        for (row, s) in zip(rows, samples()) {
            let truth = bruteForceRanking(scorer, input: s.input, ids: ids)
            XCTAssertEqual(row.items, truth.map { $0.item })             // K = N: the whole catalog, exactly ranked
            XCTAssertEqual(row.rank, truth.firstIndex { $0.item == s.target }.map { $0 + 1 })
        }
        let one = try Evaluator(config: .init(batchSize: 1)).run(decoder, scorer: TableScorer(vocabularySize: 10, seed: 4),
                                                                 trie: trie, samples: samples())
        XCTAssertEqual(one, rows, "batch size must not change results")
        let m = Evaluator.measure(rows, metrics: [try HitRate(config: .init(k: 40)), try MRR(config: .init(k: 40))],
                                  catalogSize: 40)
        XCTAssertEqual(m.map { $0.name }, ["hr@40", "mrr@40"])
        XCTAssertEqual(m[0].value, 1)
        XCTAssertEqual(m[1].value, rows.map { 1 / Double($0.rank!) }.reduce(0, +) / 7, accuracy: 1e-12)
    }

    func testHistoryExclusionIsOptIn() throws {
        let trie = try Trie(sequences: ids, eosID: 1)
        var bc = TrieBeamDecoder.Config(); bc.beams = 10; bc.k = 10
        let decoder = try TrieBeamDecoder(config: bc)
        let rows = try Evaluator(config: .init(batchSize: 4, excludeHistory: true))
            .run(decoder, scorer: TableScorer(vocabularySize: 10, seed: 4), trie: trie, samples: samples())
        for (row, s) in zip(rows, samples()) {
            XCTAssertTrue(Set(row.items).isDisjoint(with: s.history))
            XCTAssertEqual(row.items.count, 10)
        }
    }

    func testCSVQuotingAndColumns() {
        let w = PerUserCSVWriter(itemNames: ["B001", "B,002", "B003"],
                                 textualIDs: ["truth perfume", "say \"hi\", ok", "line\r\nbreak"], k: 2)
        let rows = [PerUserResult(user: "u1", target: 1, rank: 2, items: [0, 1], scores: [-1, -2], exhausted: false),
                    PerUserResult(user: " u2", target: 2, rank: nil, items: [0], scores: [-1], exhausted: true)]
        XCTAssertEqual(w.csv(rows), """
            user,target,target_id,rank,item_1,item_2,id_1,id_2
            u1,"B,002","say ""hi"", ok",2,B001,"B,002",truth perfume,"say ""hi"", ok"
            " u2",B003,"line\r\nbreak",,B001,,truth perfume,

            """)
    }

    func testFilesAreWrittenAtomicallyAndReplaced() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = PerUserCSVWriter(itemNames: ["a", "b"], textualIDs: ["x", "y"], k: 1)
        let rows = [PerUserResult(user: "u", target: 1, rank: nil, items: [0], scores: [-1], exhausted: false)]
        try "old".write(to: dir.appendingPathComponent("per_user.csv"), atomically: false, encoding: .utf8)
        let csv = try w.write(rows, to: dir)
        XCTAssertEqual(try String(contentsOf: csv, encoding: .utf8), "user,target,target_id,rank,item_1,id_1\nu,b,y,,a,x\n")
        let json = try w.writeMetrics([("hr@1", 0.0), ("ndcg@1", 0.25)], results: rows, to: dir)
        let parsed = try JSONValue.parse(contentsOf: json)
        XCTAssertEqual(parsed["users"]?.intValue, 1)
        XCTAssertEqual(parsed["metrics"]?["ndcg@1"]?.doubleValue, 0.25)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["metrics.json", "per_user.csv"],
                       "no temporary files left behind")
        // A folder that cannot be made (a file stands in its place) is an error naming the file.
        try "x".write(to: dir.appendingPathComponent("blocker"), atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try w.write(rows, to: dir.appendingPathComponent("blocker"))) {
            XCTAssertTrue("\($0)".contains("blocker/per_user.csv"), "\($0)")
        }
    }
}
