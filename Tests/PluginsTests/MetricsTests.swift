import Foundation
import XCTest
import IDGenPlugins

/// Three users over a 10-item catalog, values worked by hand:
/// u0: [5, 3, 9] ∋ 3 at rank 2; u1 misses ([1, 2, 3], target 7); u2 hits at rank 1.
final class MetricsTests: XCTestCase {
    let ranked = [[5, 3, 9], [1, 2, 3], [7, 1]]
    let targets = [3, 7, 7]

    func overall(_ m: Metric) -> Double { m.aggregate(ranked: ranked, targets: targets, catalogSize: 10) }

    func testHitRateAndRecall() throws {
        XCTAssertEqual(overall(try HitRate(config: .init(k: 3))), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(overall(try HitRate(config: .init(k: 1))), 1.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(overall(try Recall(config: .init(k: 3))), 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(try HitRate(config: .init(k: 5)).name, "hr@5")
    }

    func testNDCGWithSingleRelevantItem() throws {
        let m = try NDCG(config: .init(k: 3))
        XCTAssertEqual(m.value(ranked: ranked[0], target: 3, catalogSize: 10)!, 1 / log2(3.0), accuracy: 1e-12)
        XCTAssertEqual(overall(m), (1 / log2(3.0) + 0 + 1) / 3, accuracy: 1e-12)
        XCTAssertEqual(overall(try NDCG(config: .init(k: 1))), 1.0 / 3, accuracy: 1e-12)
    }

    func testMRR() throws {
        XCTAssertEqual(overall(try MRR(config: .init(k: 3))), (0.5 + 0 + 1) / 3, accuracy: 1e-12)
        XCTAssertEqual(overall(try MRR(config: .init(k: 1))), 1.0 / 3, accuracy: 1e-12)
    }

    func testCatalogCoverage() throws {
        XCTAssertEqual(overall(try Coverage(config: .init(k: 2))), 0.5, accuracy: 1e-12)   // {5,3,1,2,7}
        XCTAssertEqual(overall(try Coverage(config: .init(k: 3))), 0.6, accuracy: 1e-12)   // + 9
        XCTAssertNil(try Coverage().value(ranked: [1], target: 1, catalogSize: 10))
    }

    func testInvalidOrDuplicateRate() throws {
        let m = try InvalidRate(config: .init(k: 3))
        let lists = [[4, -1, 4, 6], [12, 0], []]        // 2 bad of 3; 1 of 2; nothing returned
        XCTAssertEqual(m.aggregate(ranked: lists, targets: [0, 0, 0], catalogSize: 10), (2.0 / 3 + 0.5 + 0) / 3,
                       accuracy: 1e-12)
        XCTAssertEqual(m.value(ranked: [3, 2, 1], target: 0, catalogSize: 10), 0)
    }

    func testConfigsDecodeAndValidate() throws {
        let c = try decodeConfig(NDCG.Config.self, #"{"k": 5}"#)
        XCTAssertEqual(c.k, 5)
        XCTAssertEqual(try decodeConfig(MRR.Config.self, "{}").k, 10)
        XCTAssertThrowsError(try HitRate(config: .init(k: 0)))
    }
}
