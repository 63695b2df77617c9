import Foundation
import XCTest
import IDGenPlugins

final class TrieTests: XCTestCase {
    // Items: 0 = [5 7 EOS], 1 = [5 EOS], 2 = [3 EOS], 3 = [5 7 9 EOS]; EOS = 1.
    let ids = [[5, 7, 1], [5, 1], [3, 1], [5, 7, 9, 1]]

    func testAllowedTokensChildrenAndLeaves() throws {
        let trie = try Trie(sequences: ids, eosID: 1)
        XCTAssertEqual(trie.itemCount, 4)
        XCTAssertEqual(trie.allowedTokens(at: Trie.root), [3, 5])
        let n5 = try XCTUnwrap(trie.child(of: Trie.root, token: 5))
        XCTAssertEqual(trie.allowedTokens(at: n5), [1, 7])
        let n57 = try XCTUnwrap(trie.node(after: [5, 7]))
        XCTAssertEqual(trie.allowedTokens(at: n57), [1, 9])
        XCTAssertNil(trie.child(of: n57, token: 8))
        XCTAssertNil(trie.node(after: [7]))
        for (i, s) in ids.enumerated() {
            let leaf = try XCTUnwrap(trie.node(after: s))
            XCTAssertEqual(trie.item(at: leaf), i)
            XCTAssertEqual(trie.leaf(of: i), leaf)
            XCTAssertEqual(trie.sequence(of: i), s)
            XCTAssertEqual(trie.depth(of: leaf), s.count)
            XCTAssertTrue(trie.allowedTokens(at: leaf).isEmpty)
        }
        XCTAssertNil(trie.item(at: n5))
        XCTAssertEqual(trie.itemCount(below: n5), 3)
        XCTAssertEqual(trie.longestLength(below: n5), 4)
        XCTAssertEqual(trie.maxLength, 4)
        XCTAssertEqual(trie.nodeCount, 1 + 2 + 2 + 2 + 1 + 1)   // root, {3,5}, {3·EOS,5·EOS}, {5·7}, …
    }

    func testDuplicateIDsAreRejectedNamingBothItems() {
        XCTAssertThrowsError(try Trie(sequences: [[4, 1], [6, 1], [4, 1]], eosID: 1, itemNames: ["a", "b", "c"])) {
            let e = $0 as? TrieError
            XCTAssertEqual(e, .duplicateSequence(first: "item 0 ('a')", second: "item 2 ('c')", tokens: [4, 1]))
            XCTAssertTrue("\($0)".contains("item 0 ('a') and item 2 ('c')"))
        }
    }

    func testMalformedIDsAreRejected() {
        XCTAssertThrowsError(try Trie(sequences: [[4, 2]], eosID: 1)) {
            XCTAssertEqual($0 as? TrieError, .missingEOS(item: "item 0", tokens: [4, 2], eosID: 1))
        }
        XCTAssertThrowsError(try Trie(sequences: [[4, 1, 5, 1]], eosID: 1)) {
            XCTAssertEqual($0 as? TrieError, .eosInside(item: "item 0", position: 1, tokens: [4, 1, 5, 1]))
        }
        XCTAssertThrowsError(try Trie(sequences: [[2, 1], []], eosID: 1)) {
            XCTAssertEqual($0 as? TrieError, .emptySequence(item: "item 1"))
        }
    }

    func testBlockedNodesCoverOnlyFullyExcludedBranches() throws {
        let trie = try Trie(sequences: ids, eosID: 1)
        let n57 = try XCTUnwrap(trie.node(after: [5, 7]))
        let blocked = trie.blockedNodes(excluding: [0, 3])
        XCTAssertEqual(blocked, [n57, trie.leaf(of: 0), trie.leaf(of: 3), try XCTUnwrap(trie.node(after: [5, 7, 9]))])
        XCTAssertTrue(trie.blockedNodes(excluding: [0, 1, 2, 3]).contains(Trie.root))
    }

    func testLargeTrieFindsEveryItem() throws {
        let ids = randomIDs(count: 20_000, vocabulary: 32_000, maxTokens: 8, seed: 7)
        let t0 = Date()
        let trie = try Trie(sequences: ids, eosID: 1)
        print("Trie over \(ids.count) IDs: \(trie.nodeCount) nodes built in \(Int(Date().timeIntervalSince(t0) * 1000)) ms")
        for (i, s) in ids.enumerated() where i % 7 == 0 {
            XCTAssertEqual(trie.node(after: s).flatMap(trie.item(at:)), i)
        }
        XCTAssertEqual(trie.itemCount(below: Trie.root), 20_000)
    }
}
