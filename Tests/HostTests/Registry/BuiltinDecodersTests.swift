import XCTest
import IDGenHost
import IDGenPlugins
import IDGenKernel

/// Every registered decoder, built by name through the registry as a run builds it, returns exactly k distinct
/// real items per input on a small trie (ARCHITECTURE.md, Decoding: never junk beams, never a missing item).
final class BuiltinDecodersTests: XCTestCase {
    /// The parameter that asks each decoder for k items (greedy returns one item by design).
    static let kParameter: [String: String] = ["trie-beam": "k", "exact": "k", "diverse-beam": "return_count"]

    func testEveryRegisteredDecoderReturnsExactlyKDistinctRealItems() throws {
        let registry = try ComponentRegistry.builtins()
        let names = BuiltinComponents.all.filter { $0.kind == .decoder }.map(\.name)
        XCTAssertEqual(Set(names), ["trie-beam", "greedy", "diverse-beam", "exact"])
        // 12 items over 6 tokens (2..<8), IDs of one to three tokens then EOS; no ID is a prefix of another.
        let ids = [[2, 1], [3, 4, 1], [3, 5, 1], [3, 6, 7, 1], [4, 2, 1], [4, 7, 1],
                   [5, 5, 5, 1], [5, 6, 1], [6, 1], [7, 2, 3, 1], [7, 3, 1], [7, 4, 4, 1]]
        let trie = try Trie(sequences: ids, eosID: 1)
        let scorer = TableScorer(vocabularySize: 8, seed: 5)
        let inputs = [[1, 2], [3], [4, 5, 6]]
        for name in names {
            let k = Self.kParameter[name] == nil ? 1 : 5
            let params: JSONValue = Self.kParameter[name].map { .object([($0, .int(k))]) } ?? .object([])
            let ranker = try registry.make(ItemRanker.self, .decoder, name, params: params)
            let ranked = ranker.rank(scorer, trie: trie, inputs: inputs, exclusions: nil)
            XCTAssertEqual(ranked.count, inputs.count, name)
            for r in ranked {
                XCTAssertEqual(r.items.count, k, "\(name): \(r.items)")
                XCTAssertEqual(Set(r.items).count, r.items.count, "\(name) repeats an item: \(r.items)")
                XCTAssertTrue(r.items.allSatisfy { ids.indices.contains($0) }, "\(name): \(r.items)")
                XCTAssertEqual(r.scores.count, r.items.count, name)
                XCTAssertFalse(r.exhausted, name)
            }
        }
    }
}
