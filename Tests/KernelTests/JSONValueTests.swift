import XCTest
import IDGenKernel

final class JSONValueTests: XCTestCase {
    func testRoundTrip() throws {
        let text = #"{"a": 1, "b": [true, null, 2.5, "x\"y"], "c": {"d": "é"}}"#
        let v = try JSONValue.parse(text)
        XCTAssertEqual(v["a"]?.intValue, 1)
        XCTAssertEqual(v["c"]?["d"]?.stringValue, "é")
        XCTAssertEqual(try JSONValue.parse(v.serialized()), v)
        XCTAssertEqual(try JSONValue.parse(v.serialized(pretty: true)), v)
    }

    func testErrorsNameLine() {
        XCTAssertThrowsError(try JSONValue.parse("{\n\"a\": 1,\n\"b\": }", source: "m.json")) { e in
            let err = e as! JSONParseError
            XCTAssertEqual(err.source, "m.json")
            XCTAssertEqual(err.line, 3)
        }
        XCTAssertThrowsError(try JSONValue.parse("{\"a\": 1} x"))
        XCTAssertThrowsError(try JSONValue.parse("{\"a\": 1"))
        XCTAssertThrowsError(try JSONValue.parse(""))
    }
}
