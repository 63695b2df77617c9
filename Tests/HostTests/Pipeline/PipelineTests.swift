import XCTest
import IDGenHost

/// The pipeline as swift-nio's ChannelPipeline: named stages looked up, added before/after, removed, and
/// replaced — a copy with one stage swapped is what `compare` runs.
final class PipelineTests: XCTestCase {
    let base = Pipeline([
        PipelineStage(.dataset, ComponentChoice(name: "folder")),
        PipelineStage(.itemIDs, ComponentChoice(name: "index")),
        PipelineStage(.decoder, ComponentChoice(name: "trie-beam")),
    ])

    func testLookupAndOrder() {
        XCTAssertEqual(base.names, ["dataset", "item_ids", "decoder"])
        XCTAssertEqual(base[.itemIDs]?.choice?.name, "index")
        XCTAssertNil(base[.trainer])
    }

    func testReplacingOneStageKeepsTheRest() throws {
        let variant = try base.replacing(.itemIDs, with: ComponentChoice(name: "generated", params: .object([("id_length", .int(4))])))
        XCTAssertEqual(variant.names, base.names)
        XCTAssertEqual(variant[.itemIDs]?.choice?.name, "generated")
        XCTAssertEqual(variant[.dataset], base[.dataset])
        XCTAssertEqual(variant[.decoder], base[.decoder])
        XCTAssertEqual(base[.itemIDs]?.choice?.name, "index", "the original is a value, untouched")
    }

    func testAddBeforeAfterRemove() throws {
        var p = base
        try p.add(PipelineStage(.split, ComponentChoice(name: "leave-one-out")), after: .dataset)
        try p.add(PipelineStage(.trainer, ComponentChoice(name: "alternate")), before: .decoder)
        XCTAssertEqual(p.names, ["dataset", "split", "item_ids", "trainer", "decoder"])
        let removed = try p.remove(.split)
        XCTAssertEqual(removed.choice?.name, "leave-one-out")
        XCTAssertEqual(p.names, ["dataset", "item_ids", "trainer", "decoder"])
    }

    func testDuplicateAndMissingStagesAreErrors() {
        var p = base
        XCTAssertThrowsError(try p.addLast(PipelineStage(.itemIDs, ComponentChoice(name: "x")))) { error in
            XCTAssertEqual("\(error)", "the pipeline already has a stage 'item_ids'")
        }
        XCTAssertThrowsError(try p.replace(.trainer, with: [])) { error in
            XCTAssertTrue("\(error)".hasPrefix("the pipeline has no stage 'trainer'"), "\(error)")
        }
    }
}
