import XCTest
import Foundation
import IDGenPlugins

final class IDGenRecFolderDatasetTests: XCTestCase {
    func load(_ path: String, skip: Bool = false) throws -> Interactions {
        try IDGenRecFolderDataset(config: .init(path: path, onBadLine: skip ? .skip : .error)).load()
    }

    func testTinyFolderLoadsSequencesTextAndFields() throws {
        let d = try load(ScratchFolder.fixture("tiny-folder"))
        XCTAssertEqual(d.name, "tiny-folder")
        XCTAssertEqual(d.userIDs, ["u1", "u2", "u3"])
        XCTAssertEqual(d.itemCount, 5)
        XCTAssertEqual(d.interactionCount, 10)
        XCTAssertEqual(d.sequences[0].map { d.items[$0].rawID }, ["i1", "i2", "i3", "i4"])
        XCTAssertEqual(d.items[0].text, "title: rose toner 200ml; brand: lumiere; categories: beauty, skin care, toners")
        XCTAssertEqual(d.items[0].fields, ["title": "rose toner 200ml", "brand": "lumiere", "categories": "beauty, skin care, toners"])
        // "; " inside a title stays in the title.
        XCTAssertEqual(d.items[1].fields["title"], "gentle cleanser; travel size")
        XCTAssertEqual(d.items[3].text, "")
        XCTAssertTrue(d.notes.contains { $0.hasPrefix("prompt file:") })
        XCTAssertNotNil(IDGenRecFolderDataset(config: .init(path: ScratchFolder.fixture("tiny-folder"))).promptFile)
    }

    func testKeepsCaseWhenAsked() throws {
        let d = try IDGenRecFolderDataset(config: .init(path: ScratchFolder.fixture("tiny-folder"), lowercase: false)).load()
        XCTAssertEqual(d.items[0].fields["brand"], "Lumiere")
    }

    func testItemsMissingFromTextFileJoinWithEmptyTextAndANote() throws {
        let f = try ScratchFolder(["user_sequence.txt": "u1 a b z\n", "item_plain_text.txt": "a title: A\nb title: B\n"])
        defer { f.remove() }
        let d = try load(f.url.path)
        XCTAssertEqual(d.itemCount, 3)
        XCTAssertEqual(d.items[2].rawID, "z")
        XCTAssertEqual(d.items[2].text, "")
        XCTAssertTrue(d.notes.contains { $0.contains("1 item(s) occur in user_sequence.txt") })
    }

    func testUserWithoutItemsNamesFileAndLine() throws {
        let f = try ScratchFolder(["user_sequence.txt": "u1 a b\nu2\n", "item_plain_text.txt": "a x\nb y\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try load(f.url.path)) { e in
            XCTAssertEqual(malformedLocation(e)?.file, "user_sequence.txt")
            XCTAssertEqual(malformedLocation(e)?.line, 2)
            XCTAssertTrue("\(e)".contains("on_bad_line: skip"))
        }
        let d = try load(f.url.path, skip: true)
        XCTAssertEqual(d.userCount, 1)
        XCTAssertTrue(d.notes.contains { $0.contains("skipped 1 malformed line(s) in user_sequence.txt") })
    }

    func testDuplicateUserIsAnError() throws {
        let f = try ScratchFolder(["user_sequence.txt": "u1 a b\nu2 a\nu1 b\n", "item_plain_text.txt": "a x\nb y\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try load(f.url.path)) { e in
            XCTAssertEqual(malformedLocation(e)?.line, 3)
            XCTAssertTrue("\(e)".contains("first on line 1"))
        }
    }

    func testDuplicateItemIsAnError() throws {
        let f = try ScratchFolder(["user_sequence.txt": "u1 a b\n", "item_plain_text.txt": "a x\nb y\na z\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try load(f.url.path)) { e in
            XCTAssertEqual(malformedLocation(e)?.file, "item_plain_text.txt")
            XCTAssertEqual(malformedLocation(e)?.line, 3)
        }
    }

    func testInvalidUTF8IsAnError() throws {
        let f = try ScratchFolder(["user_sequence.txt": "u1 a b\n", "item_plain_text.txt": "a x\n"])
        defer { f.remove() }
        var bytes = Array("a x\nb ".utf8)
        bytes += [0xFF, 0xFE, 10]
        try Data(bytes).write(to: f.url.appendingPathComponent("item_plain_text.txt"))
        XCTAssertThrowsError(try load(f.url.path)) { e in XCTAssertEqual(malformedLocation(e)?.line, 2) }
    }

    func testMissingFileAndEmptyFileAreErrors() throws {
        let f = try ScratchFolder(["item_plain_text.txt": "a x\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try load(f.url.path)) { e in XCTAssertTrue("\(e)".contains("user_sequence.txt")) }
        try "\n\n".write(to: f.url.appendingPathComponent("user_sequence.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try load(f.url.path)) { e in XCTAssertTrue("\(e)".contains("no users")) }
    }

    func testConfigDecodesSnakeCaseWithDefaults() throws {
        let c = try decodeConfig(IDGenRecFolderDataset.Config.self, #"{"path": "x", "on_bad_line": "skip"}"#)
        XCTAssertEqual(c.onBadLine, .skip)
        XCTAssertTrue(c.lowercase)
    }

    func testBeautyHasThePublishedCounts() throws {
        guard let path = ScratchFolder.sharedData("beauty") else { throw XCTSkip("../shared/data/beauty is absent") }
        let start = Date()
        let d = try load(path)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(d.userCount, 22_363)
        XCTAssertEqual(d.itemCount, 12_101)
        XCTAssertEqual(d.interactionCount, 198_502)
        XCTAssertEqual(d.items.filter { $0.fields["brand"] != nil }.count, 12_047)
        print("beauty loaded in \(String(format: "%.3f", seconds)) s")
    }

    func testYelpHasThePublishedCounts() throws {
        guard let path = ScratchFolder.sharedData("yelp") else { throw XCTSkip("../shared/data/yelp is absent") }
        let start = Date()
        let d = try load(path)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(d.userCount, 30_431)
        XCTAssertEqual(d.itemCount, 20_033)
        XCTAssertEqual(d.interactionCount, 316_354)
        XCTAssertNotNil(d.items[0].fields["name"])
        print("yelp loaded in \(String(format: "%.3f", seconds)) s")
    }
}
