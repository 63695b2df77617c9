import XCTest
import Foundation
import IDGenKernel

final class JSONLinesReaderTests: XCTestCase {
    func write(_ text: String) throws -> String {
        let p = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString).json").path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    func testFieldsLineNumbersAndBlankLines() throws {
        let p = try write("{\"a\": \"x\", \"n\": 3, \"d\": 2.0, \"s\": \"17\", \"l\": [1, \"b\"]}\r\n\n  \n{\"a\": \"é\", \"z\": null}")
        defer { try? FileManager.default.removeItem(atPath: p) }
        var ledger = BadLineLedger(policy: .error)
        var seen: [(Int, String?)] = []
        try JSONLinesReader(path: p).forEachObject(ledger: &ledger) { obj, line in
            seen.append((line, obj.string("a")))
            if line == 1 {
                XCTAssertEqual(obj.int64("n"), 3)
                XCTAssertEqual(obj.int64("d"), 2)
                XCTAssertEqual(obj.int64("s"), 17)
                XCTAssertEqual(obj.string("n"), "3")
                XCTAssertEqual(obj.value("l"), .array([.int(1), .string("b")]))
                XCTAssertEqual(obj.stringBytes("a").map { Array($0) }, Array("x".utf8))
                XCTAssertNil(obj.stringBytes("n"))
            } else {
                XCTAssertFalse(obj.has("z"))
            }
            return nil
        }
        XCTAssertEqual(seen.map(\.0), [1, 4])
        XCTAssertEqual(seen.map(\.1), ["x", "é"])
    }

    func testBadLinesThrowOrAreCounted() throws {
        let p = try write("{\"a\": 1}\n{\"a\": \n[1]\n{\"a\": 2}\n")
        defer { try? FileManager.default.removeItem(atPath: p) }
        var strict = BadLineLedger(policy: .error)
        XCTAssertThrowsError(try JSONLinesReader(path: p).forEachObject(ledger: &strict) { _, _ in nil }) { e in
            XCTAssertEqual(e as? DatasetError, .malformedLine(file: p, line: 2, reason: "invalid JSON at column 7: unexpected end of data"))
        }
        var lenient = BadLineLedger(policy: .skip)
        var good = 0
        try JSONLinesReader(path: p).forEachObject(ledger: &lenient) { obj, _ in
            good += 1
            return obj.int64("a") == 2 ? "a is 2" : nil
        }
        XCTAssertEqual(good, 2)
        XCTAssertEqual(lenient.totalSkipped, 3)
        XCTAssertEqual(lenient.notes.count, 1)
    }

    func testMissingFile() {
        XCTAssertThrowsError(try JSONLinesReader(path: "/nonexistent/x.json")) { e in
            guard case .cannotOpen = e as? DatasetError else { return XCTFail("\(e)") }
        }
    }
}
