import XCTest
import Foundation
import IDGenPlugins

final class SyntheticDatasetTests: XCTestCase {
    func testSameSeedSameDataDifferentSeedDifferentData() throws {
        let a = try SyntheticDataset(config: .init(users: 200, items: 300, seed: 7)).load()
        let b = try SyntheticDataset(config: .init(users: 200, items: 300, seed: 7)).load()
        let c = try SyntheticDataset(config: .init(users: 200, items: 300, seed: 8)).load()
        XCTAssertEqual(a.sequences, b.sequences)
        XCTAssertEqual(a.items, b.items)
        XCTAssertEqual(a.timestamps!, b.timestamps!)
        XCTAssertNotEqual(a.sequences, c.sequences)
        XCTAssertNotEqual(a.items.map(\.text), c.items.map(\.text))
    }

    func testDefaultSizesAndProductLikeText() throws {
        let d = try SyntheticDataset().load()
        XCTAssertEqual(d.userCount, 3000)
        XCTAssertEqual(d.itemCount, 2000)
        XCTAssertTrue(d.sequences.allSatisfy { $0.count >= 5 })
        let mean = Double(d.interactionCount) / Double(d.userCount)
        XCTAssertEqual(mean, 9, accuracy: 1.5)
        // Every item has the paper's three fields, the text is built from them, and texts are unique.
        for item in d.items {
            XCTAssertEqual(Set(item.fields.keys), ["title", "brand", "categories"])
            XCTAssertEqual(item.text, "title: \(item.fields["title"]!); brand: \(item.fields["brand"]!); categories: \(item.fields["categories"]!)")
            XCTAssertTrue(item.fields["categories"]!.hasPrefix("beauty, "))
        }
        XCTAssertEqual(Set(d.items.map(\.text)).count, d.itemCount)
        XCTAssertTrue(d.items.contains { $0.fields["title"]!.contains("toner") })
        // Times increase within each user.
        for t in d.timestamps! { XCTAssertEqual(t, t.sorted()) }
    }

    func testConfigurableSizesAndValidation() throws {
        let d = try SyntheticDataset(config: .init(users: 17, items: 55)).load()
        XCTAssertEqual(d.userCount, 17)
        XCTAssertEqual(d.itemCount, 55)
        XCTAssertThrowsError(try SyntheticDataset(config: .init(items: 3)).load())
        XCTAssertThrowsError(try SyntheticDataset(config: .init(routineProbability: 0.9, noiseProbability: 0.3)).load())
        let c = try decodeConfig(SyntheticDataset.Config.self, #"{"users": 10, "mean_length": 6}"#)
        XCTAssertEqual(c.users, 10)
        XCTAssertEqual(c.meanLength, 6)
        XCTAssertEqual(c.items, 2000)
    }

    /// The point of the generator: a sequence model (item bigram counts from the training part) must beat
    /// popularity clearly on leave-one-out test targets, and brand words (what textual IDs are made of) must
    /// predict the target far above chance.
    func testSequenceSignalBeatsPopularityAndBrandsCarrySignal() throws {
        let d = try SyntheticDataset().load()
        var popularity = [Int](repeating: 0, count: d.itemCount)
        var next: [Int: [Int: Int]] = [:]
        for s in d.sequences {
            let train = s.dropLast(2)
            for i in train { popularity[i] += 1 }
            for (a, b) in zip(train, train.dropFirst()) { next[a, default: [:]][b, default: 0] += 1 }
        }
        let popular = Array(popularity.indices.sorted { (popularity[$0], -$0) > (popularity[$1], -$1) }.prefix(10))
        var popHits = 0, seqHits = 0, brandInHistory = 0, brandByChance = 0.0
        var brandShare: [String: Double] = [:]
        for i in d.items { brandShare[i.fields["brand"]!, default: 0] += 1 / Double(d.itemCount) }
        for s in d.sequences {
            let target = s[s.count - 1], history = s.dropLast()
            if popular.contains(target) { popHits += 1 }
            let follow = (next[history.last!] ?? [:]).sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.map(\.key)
            let ranked = Array((follow + popular.filter { !follow.contains($0) }).prefix(10))
            if ranked.contains(target) { seqHits += 1 }
            let brands = Set(history.map { d.items[$0].fields["brand"]! })
            if brands.contains(d.items[target].fields["brand"]!) { brandInHistory += 1 }
            brandByChance += brands.reduce(0) { $0 + brandShare[$1]! }
        }
        let n = Double(d.userCount)
        print("synthetic HR@10: popularity \(Double(popHits) / n), bigram \(Double(seqHits) / n); target brand in history \(Double(brandInHistory) / n) vs chance \(brandByChance / n)")
        XCTAssertGreaterThan(Double(seqHits), 3 * Double(popHits))
        XCTAssertGreaterThan(Double(seqHits) / n, 0.2)
        XCTAssertGreaterThan(Double(brandInHistory), 2 * brandByChance)
    }
}
