import XCTest
import Foundation
import IDGenPlugins

/// amazon-2018 and amazon-2014 on small constructed files (Tests/Fixtures/data/amazon20xx).
final class AmazonDatasetTests: XCTestCase {
    let dir2018 = ScratchFolder.fixture("amazon2018")
    let dir2014 = ScratchFolder.fixture("amazon2014")

    func config(_ dir: String, kCore: Int = 2, skip: Bool = false) -> AmazonReviewsConfig {
        AmazonReviewsConfig(reviews: dir + "/reviews.json", metadata: dir + "/meta.json", kCore: kCore,
                            onBadLine: skip ? .skip : .error)
    }

    func testAmazon2018KCoreChronologicalOrderAndText() throws {
        let d = try Amazon2018Dataset(config: config(dir2018)).load()
        XCTAssertEqual(d.name, "reviews")
        XCTAssertEqual(d.userIDs, ["u1", "u2", "u3"])
        XCTAssertEqual(d.items.map(\.rawID), ["B", "C", "A"])
        // u1 reviewed A@300, B@100, C@200 → B, C, A; u2's tie at 60 keeps file order; u3 loses D to the 2-core.
        XCTAssertEqual(d.sequences.map { $0.map { d.items[$0].rawID } }, [["B", "C", "A"], ["A", "B"], ["C", "A"]])
        XCTAssertEqual(d.timestamps!, [[100, 200, 300], [60, 60], [10, 20]])
        XCTAssertEqual(d.items[2].text, "title: rose toner 200ml; brand: lumiere; categories: beauty, skin care, toners")
        XCTAssertEqual(d.items[2].fields["brand"], "lumiere")
        XCTAssertEqual(d.items[0].text, "title: vitamin c serum; categories: beauty, skin care")
        XCTAssertEqual(d.items[1].text, "")
        XCTAssertTrue(d.notes.contains("2-core: kept 7 of 9 reviews, 3 of 4 users, 3 of 5 items"), "\(d.notes)")
        XCTAssertTrue(d.notes.contains("1 item(s) have no metadata record: empty text"))
    }

    func testKCoreFiveRemovesEverythingWithAClearError() {
        XCTAssertThrowsError(try Amazon2018Dataset(config: config(dir2018, kCore: 5)).load()) { e in
            XCTAssertTrue("\(e)".contains("lower k_core"), "\(e)")
        }
    }

    func testKCoreOneKeepsAllAndChosenFieldsAndCase() throws {
        var c = config(dir2018, kCore: 1)
        c.textFields = ["brand", "price", "description"]
        c.lowercase = false
        let d = try Amazon2018Dataset(config: c).load()
        XCTAssertEqual(d.interactionCount, 9)
        let a = d.items.first { $0.rawID == "A" }!
        XCTAssertEqual(a.text, "brand: Lumiere; price: $7.99; description: Soothing., Gentle.")
    }

    func testAmazon2014PythonLiteralMetadata() throws {
        let d = try Amazon2014Dataset(config: config(dir2014)).load()
        let text = Dictionary(uniqueKeysWithValues: d.items.map { ($0.rawID, $0.text) })
        XCTAssertEqual(text["A"], "title: rock 'n' roll toner; brand: lumière; categories: beauty, skin care, toners")
        XCTAssertEqual(text["B"], #"title: it's a "serum" \ 30ml; categories: beauty"#)
        XCTAssertEqual(text["C"], "title: tab title 😀")
    }

    // MARK: malformed input: every error names file and line

    func withBrokenLine(_ dir: String, file: String, line: Int, replacement: String,
                        _ body: (ScratchFolder) throws -> Void) throws {
        var files: [String: String] = [:]
        for name in ["reviews.json", "meta.json"] {
            files[name] = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
        }
        var lines = files[file]!.components(separatedBy: "\n")
        lines[line - 1] = replacement
        files[file] = lines.joined(separator: "\n")
        let f = try ScratchFolder(files)
        defer { f.remove() }
        try body(f)
    }

    func assertBadLine(_ dir: String, _ file: String, _ line: Int, _ replacement: String, contains: String,
                       loader: (AmazonReviewsConfig) -> DatasetSource, file f: StaticString = #filePath, line l: UInt = #line) throws {
        try withBrokenLine(dir, file: file, line: line, replacement: replacement) { folder in
            let c = AmazonReviewsConfig(reviews: folder.path("reviews.json"), metadata: folder.path("meta.json"), kCore: 2)
            XCTAssertThrowsError(try loader(c).load(), file: f, line: l) { e in
                XCTAssertEqual(malformedLocation(e)?.file, file, "\(e)", file: f, line: l)
                XCTAssertEqual(malformedLocation(e)?.line, line, "\(e)", file: f, line: l)
                XCTAssertTrue("\(e)".contains(contains), "\(e)", file: f, line: l)
            }
        }
    }

    func testMalformedReviewLines() throws {
        let a18 = { (c: AmazonReviewsConfig) -> DatasetSource in Amazon2018Dataset(config: c) }
        try assertBadLine(dir2018, "reviews.json", 2, #"{"reviewerID": "u1", "asin": "B", "unixReviewTime": 100"#, contains: "invalid JSON", loader: a18)
        try assertBadLine(dir2018, "reviews.json", 3, #"{"reviewerID": "u1", "asin": "C"}"#, contains: "unixReviewTime", loader: a18)
        try assertBadLine(dir2018, "reviews.json", 6, #"["u2", "B", 60]"#, contains: "expected one JSON object per line, found array", loader: a18)
        try assertBadLine(dir2018, "reviews.json", 7, #"{"reviewerID": "u3", "asin": "C", "unixReviewTime": 10} {"#, contains: "column 57", loader: a18)
        try assertBadLine(dir2018, "reviews.json", 8, #"{"reviewerID": 17, "asin": "A", "unixReviewTime": 20}"#, contains: "'reviewerID' and 'asin'", loader: a18)
    }

    func testMalformedMetadataLines() throws {
        let a18 = { (c: AmazonReviewsConfig) -> DatasetSource in Amazon2018Dataset(config: c) }
        let a14 = { (c: AmazonReviewsConfig) -> DatasetSource in Amazon2014Dataset(config: c) }
        try assertBadLine(dir2018, "meta.json", 2, #"{"title": "no asin"}"#, contains: "without a string 'asin'", loader: a18)
        try assertBadLine(dir2014, "meta.json", 2, #"{'asin': 'B', 'title': 'unterminated}"#, contains: "unterminated string", loader: a14)
        try assertBadLine(dir2014, "meta.json", 3, #"{'asin': 'C', 'added': datetime(2014, 1, 1)}"#, contains: "unknown name 'datetime'", loader: a14)
        try assertBadLine(dir2014, "meta.json", 1, #"['A', 'not a dict']"#, contains: "not a dict", loader: a14)
        // Double quotes and a trailing comma are valid Python: not an error.
        try withBrokenLine(dir2014, file: "meta.json", line: 1, replacement: #"{"asin": "A", "title": "Double Quoted", }"#) { f in
            let d = try Amazon2014Dataset(config: .init(reviews: f.path("reviews.json"), metadata: f.path("meta.json"), kCore: 2)).load()
            XCTAssertEqual(d.items.first { $0.rawID == "A" }?.text, "title: double quoted")
        }
    }

    func testSkipPolicyCountsBadLinesAndKeepsGoing() throws {
        try withBrokenLine(dir2014, file: "meta.json", line: 2, replacement: "{'asin': 'B', 'title': oops}") { folder in
            var c = AmazonReviewsConfig(reviews: folder.path("reviews.json"), metadata: folder.path("meta.json"), kCore: 2)
            c.onBadLine = .skip
            let d = try Amazon2014Dataset(config: c).load()
            XCTAssertEqual(d.items.first { $0.rawID == "B" }?.text, "")
            XCTAssertTrue(d.notes.contains { $0.hasPrefix("skipped 1 malformed line(s) in meta.json; first: ") && $0.contains("meta.json:2:") }, "\(d.notes)")
        }
    }

    func testConfigDecodesSnakeCase() throws {
        let c = try decodeConfig(AmazonReviewsConfig.self, #"{"reviews": "r.json", "k_core": 10, "text_fields": ["title"]}"#)
        XCTAssertEqual(c.kCore, 10)
        XCTAssertEqual(c.textFields, ["title"])
        XCTAssertEqual(c.onBadLine, .error)
    }
}
