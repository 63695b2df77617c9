// Loads the parity fixtures written by tools/make_tokenizer_fixtures.py (HF tokenizers' ids and decodes).
import Foundation
import IDGenPlugins
import XCTest

enum TokenizerFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/tokenizer")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func strings() throws -> [String] {
        try JSONValue.parse(contentsOf: url("strings.json")).arrayValue!.map { $0.stringValue! }
    }

    /// (ids, decoded) per string; a null decoded means HF's decode gave the input back.
    static func expected(_ name: String, strings: [String]) throws -> [(ids: [Int], decoded: String)] {
        let rows = try JSONValue.parse(contentsOf: url(name)).arrayValue!
        return zip(rows, strings).map { row, s in
            (row["ids"]!.arrayValue!.map { $0.intValue! }, row["decoded"]!.stringValue ?? s)
        }
    }

    /// Asserts id-for-id parity and decode parity on every fixture string, reporting the first few mismatches.
    static func assertParity(_ tok: UnigramTokenizer, expectedFile: String, addEOS: Bool,
                             file: StaticString = #filePath, line: UInt = #line) throws {
        let strings = try strings()
        let expected = try expected(expectedFile, strings: strings)
        XCTAssertGreaterThanOrEqual(expected.count, 2000, file: file, line: line)
        var idFailures = 0, decodeFailures = 0
        for (s, e) in zip(strings, expected) {
            let ids = tok.encode(s, addEOS: addEOS)
            if ids != e.ids {
                idFailures += 1
                if idFailures <= 5 { XCTFail("ids differ for \(s.debugDescription.prefix(200)): ours \(ids.prefix(40)) HF \(e.ids.prefix(40))", file: file, line: line) }
            }
            let d = tok.decode(e.ids, skipSpecial: true)
            if d != e.decoded {
                decodeFailures += 1
                if decodeFailures <= 5 { XCTFail("decode differs for \(e.ids.prefix(40)): ours \(d.debugDescription.prefix(200)) HF \(e.decoded.debugDescription.prefix(200))", file: file, line: line) }
            }
        }
        XCTAssertEqual(idFailures, 0, "strings whose ids differ from HF", file: file, line: line)
        XCTAssertEqual(decodeFailures, 0, "id lists whose decode differs from HF", file: file, line: line)
    }
}
