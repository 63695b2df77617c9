import XCTest
import Foundation
import IDGenPlugins

final class YelpDatasetTests: XCTestCase {
    let dir = ScratchFolder.fixture("yelp-raw")

    func testReviewsBusinessesKCoreAndTimeOrder() throws {
        let d = try YelpDataset(config: .init(reviews: dir + "/review.json", business: dir + "/business.json", kCore: 2)).load()
        XCTAssertEqual(d.userIDs, ["U1", "U2"])
        XCTAssertEqual(d.items.map(\.rawID), ["B2", "B1"])
        XCTAssertEqual(d.sequences, [[0, 1], [0, 1]])
        XCTAssertEqual(d.timestamps![0], [1_420_192_800, 1_457_484_282])
        XCTAssertEqual(d.items[1].text, "name: the great greek; categories: diners, greek, restaurants")
        XCTAssertEqual(d.items[0].text, "name: sal's pizza; categories: pizza, restaurants")
    }

    func testDates() {
        XCTAssertEqual(YelpDataset.epochSeconds("2016-03-09 00:44:42"), 1_457_484_282)
        XCTAssertEqual(YelpDataset.epochSeconds("2000-02-29"), 951_782_400)
        XCTAssertEqual(YelpDataset.epochSeconds("1969-12-31 23:59:59"), -1)
        XCTAssertNil(YelpDataset.epochSeconds("09 1, 2016"))
        XCTAssertNil(YelpDataset.epochSeconds("2016-13-01"))
    }

    func testMalformedLinesNameFileAndLine() throws {
        let reviews = try String(contentsOfFile: dir + "/review.json", encoding: .utf8).components(separatedBy: "\n")
        var badDate = reviews
        badDate[2] = #"{"user_id": "U2", "business_id": "B1", "date": "yesterday"}"#
        var noBusiness = reviews
        noBusiness[3] = #"{"user_id": "U2", "date": "2017-06-30 23:59:58"}"#
        for (lines, line, reason) in [(badDate, 3, "'date'"), (noBusiness, 4, "'business_id'")] {
            let f = try ScratchFolder(["review.json": lines.joined(separator: "\n")])
            defer { f.remove() }
            XCTAssertThrowsError(try YelpDataset(config: .init(reviews: f.path("review.json"), kCore: 2)).load()) { e in
                XCTAssertEqual(malformedLocation(e)?.file, "review.json")
                XCTAssertEqual(malformedLocation(e)?.line, line)
                XCTAssertTrue("\(e)".contains(reason), "\(e)")
            }
        }
        let f = try ScratchFolder(["business.json": "{\"business_id\": \"B1\", \"name\": \"x\"}\n{\"name\": \"no id\"}\n"])
        defer { f.remove() }
        XCTAssertThrowsError(try YelpDataset(config: .init(reviews: dir + "/review.json", business: f.path("business.json"), kCore: 2)).load()) { e in
            XCTAssertEqual(malformedLocation(e)?.line, 2)
        }
    }
}
