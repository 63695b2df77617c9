import XCTest
import IDGenPlugins

final class PythonLiteralTests: XCTestCase {
    func testLiteralsConvertToJSONValues() throws {
        let v = try PythonLiteral.parse(#"{'a': 'it\'s', "b": "say \"hi\"", 'c': [1, -2.5, 1e3, True, False, None], 'd': ('x',), 'e': {}, 3: u'\u00e9\n', 'f': '\x41\101'}"#)
        XCTAssertEqual(v, .object([("a", .string("it's")), ("b", .string(#"say "hi""#)),
                                   ("c", .array([.int(1), .double(-2.5), .double(1000), .bool(true), .bool(false), .null])),
                                   ("d", .array([.string("x")])), ("e", .object([])), ("3", .string("é\n")), ("f", .string("AA"))]))
        XCTAssertEqual(try PythonLiteral.parse(#"'back\\slash \q'"#), .string(#"back\slash \q"#))
        XCTAssertEqual(try PythonLiteral.parse("{'rank': 123L}"), .object([("rank", .int(123))]))
    }

    func testErrorsGiveColumns() {
        XCTAssertThrowsError(try PythonLiteral.parse("{'a': 1,, }")) { e in XCTAssertEqual((e as! PythonLiteralError).column, 9) }
        XCTAssertThrowsError(try PythonLiteral.parse("{'a' 1}")) { e in XCTAssertTrue("\(e)".contains("expected ':'")) }
        XCTAssertThrowsError(try PythonLiteral.parse("[1, 2"))
        XCTAssertThrowsError(try PythonLiteral.parse("{'a': 1} x"))
        XCTAssertThrowsError(try PythonLiteral.parse("{'a': nan}"))
        XCTAssertThrowsError(try PythonLiteral.parse("{[1]: 2}"))
        XCTAssertThrowsError(try PythonLiteral.parse("'\\xZZ'"))
    }
}
