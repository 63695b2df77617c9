import XCTest
import IDGenPlugins

final class CollaborativeIDsTests: XCTestCase {
    /// 4 planted communities of 25 items; each user shops inside one community, with 5% of picks elsewhere.
    static func planted(communities: Int = 4, size: Int = 25, users: Int = 240, seed: UInt64 = 11) -> (ItemIDInput, [Int]) {
        var rng = SplitMix64(seed: seed)
        let n = communities * size
        let catalog = Catalogs.items((0..<n).map { "item \($0)" })
        let community = (0..<n).map { $0 % communities }          // interleaved: catalog order reveals nothing
        var sequences: [[Int]] = []
        for u in 0..<users {
            let home = u % communities
            sequences.append((0..<8).map { _ in
                let c = rng.nextUniform() < 0.05 ? Int(rng.next() % UInt64(communities)) : home
                return c + communities * Int(rng.next() % UInt64(size))
            })
        }
        return (ItemIDInput(catalog: catalog, trainingSequences: sequences, seed: 5), community)
    }

    func testRecoversPlantedCommunities() throws {
        let (input, community) = Self.planted()
        let a = try CollaborativeIDs(config: .init(clusterCount: 4, leafSize: 30)).assign(input)
        XCTAssertEqual(Set(a.ids).count, a.ids.count)
        let first = a.ids.map { IDReportCard.split($0)[0] }
        for c in 0..<4 {
            let tokens = first.indices.filter { community[$0] == c }.map { first[$0] }
            let top = Dictionary(grouping: tokens, by: { $0 }).values.map(\.count).max()!
            XCTAssertGreaterThanOrEqual(Double(top) / Double(tokens.count), 0.95, "community \(c) split: \(tokens)")
        }
        XCTAssertEqual(Set(first).count, 4, "one first-level cluster per community")
    }

    func testRecursesUntilLeavesHoldAtMostLeafSize() throws {
        let (input, _) = Self.planted()
        let a = try CollaborativeIDs(config: .init(clusterCount: 3, leafSize: 5)).assign(input)
        XCTAssertEqual(Set(a.ids).count, a.ids.count)
        var leaves: [String: Int] = [:]
        for id in a.ids {
            let tokens = IDReportCard.split(id)
            XCTAssertTrue(tokens.last!.hasPrefix("<i_"))
            leaves[tokens.dropLast().joined(), default: 0] += 1
        }
        XCTAssertLessThanOrEqual(leaves.values.max()!, 5)
        XCTAssertEqual(Set(a.addedTokens), Set(a.ids.flatMap(IDReportCard.split)))
    }

    func testDeterministicForSeed() throws {
        let (input, _) = Self.planted()
        let s = CollaborativeIDs(config: .init(clusterCount: 4, leafSize: 10))
        XCTAssertEqual(try s.assign(input), try s.assign(input))
    }

    func testItemsUnseenInTrainingAndAdversarialCatalog() throws {
        // Only items 0–3 co-occur; the rest never appear in training.
        let input = Catalogs.input(Catalogs.adversarial, sequences: [[0, 1, 2], [2, 3]])
        let a = try CollaborativeIDs(config: .init(clusterCount: 2, leafSize: 3)).assign(input)
        XCTAssertTrue(Catalogs.assertUnique(a, count: Catalogs.adversarial.count), "\(a.ids)")
    }

    func testWindowLimitsEdges() throws {
        let input = Catalogs.input(Catalogs.items(["a", "b", "c", "d"]), sequences: [[0, 1, 2, 3]])
        let all = try CollaborativeIDs(config: .init(clusterCount: 2, leafSize: 1)).assign(input)
        let adjacent = try CollaborativeIDs(config: .init(clusterCount: 2, leafSize: 1, window: 1)).assign(input)
        XCTAssertTrue(all.report["graph"]!.contains("12 co-occurrence entries"), all.report["graph"]!)
        XCTAssertTrue(adjacent.report["graph"]!.contains("6 co-occurrence entries"), adjacent.report["graph"]!)
    }
}
