// A parser for Python literals, the format of the Amazon 2014 metadata dumps (each line is `repr()` of a
// dict: `{'asin': '0001', 'title': "Rock 'n' Roll", 'price': 3.5, 'categories': [['Books']]}`), converted to
// JSONValue. It is a real parser — quotes, escapes, True/False/None, nested lists/tuples/dicts — because
// regex-swapping quotes breaks on titles such as "Rock 'n' Roll" or 'a \"b\"'. Only literals; nothing is evaluated.

public struct PythonLiteralError: Error, CustomStringConvertible {
    public var column: Int       // 1-based byte column
    public var reason: String
    public var description: String { "invalid Python literal at column \(column): \(reason)" }
}

public struct PythonLiteral {
    private let b: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

    /// Parses one literal filling the whole text (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var p = PythonLiteral(bytes)
        let v = try p.value(depth: 0)
        p.skipSpace()
        if p.i < bytes.count { throw p.fail("unexpected text after the literal") }
        return v
    }

    public static func parse(_ text: String) throws -> JSONValue {
        var t = text
        return try t.withUTF8 { try parse($0) }
    }

    private func fail(_ reason: String) -> PythonLiteralError { PythonLiteralError(column: i + 1, reason: reason) }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
    }

    private mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 200 else { throw fail("nested too deeply") }
        skipSpace()
        guard i < b.count else { throw fail("unexpected end of line") }
        // u'…' / b'…' prefixes (Python 2 reprs) are read as plain strings.
        if b[i] == UInt8(ascii: "u") || b[i] == UInt8(ascii: "b"), i + 1 < b.count, b[i + 1] == 39 || b[i + 1] == 34 { i += 1 }
        switch b[i] {
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return try dict(depth: depth)
        case UInt8(ascii: "["): return .array(try sequence(close: UInt8(ascii: "]"), depth: depth))
        case UInt8(ascii: "("): return .array(try sequence(close: UInt8(ascii: ")"), depth: depth))
        default: return try bareword()
        }
    }

    private mutating func dict(depth: Int) throws -> JSONValue {
        i += 1
        var pairs: [(String, JSONValue)] = []
        while true {
            skipSpace()
            guard i < b.count else { throw fail("unclosed '{'") }
            if b[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
            let keyStart = i
            let key = try value(depth: depth + 1)
            let name: String
            switch key {
            case let .string(s): name = s
            case let .int(n): name = String(n)
            default: i = keyStart; throw fail("dict keys must be strings or integers")
            }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a dict key") }
            i += 1
            pairs.append((name, try value(depth: depth + 1)))
            skipSpace()
            guard i < b.count else { throw fail("unclosed '{'") }
            if b[i] == UInt8(ascii: ",") { i += 1 } else if b[i] != UInt8(ascii: "}") { throw fail("expected ',' or '}' in a dict") }
        }
    }

    private mutating func sequence(close: UInt8, depth: Int) throws -> [JSONValue] {
        i += 1
        var out: [JSONValue] = []
        while true {
            skipSpace()
            guard i < b.count else { throw fail("unclosed '\(Character(Unicode.Scalar(close == 93 ? 91 : 40)))'") }
            if b[i] == close { i += 1; return out }
            out.append(try value(depth: depth + 1))
            skipSpace()
            guard i < b.count else { throw fail("unclosed list") }
            if b[i] == UInt8(ascii: ",") { i += 1 } else if b[i] != close { throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
        }
    }

    /// True/False/None, integers, floats (incl. exponents), inf/nan are rejected (JSON has none).
    private mutating func bareword() throws -> JSONValue {
        let start = i
        while i < b.count, isBare(b[i]) { i += 1 }
        guard i > start else { throw fail("unexpected character '\(Character(Unicode.Scalar(b[start])))'") }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        switch word {
        case "True": return .bool(true)
        case "False": return .bool(false)
        case "None": return .null
        default:
            if let n = Int(word) { return .int(n) }
            // Python 2 long literals (`123L`) appear in old reprs.
            if word.count > 1, word.last == "L" || word.last == "l", let n = Int(word.dropLast()) { return .int(n) }
            if let d = Double(word), d.isFinite, word.first != "." || word.count > 1 { return .double(d) }
            i = start
            throw fail("unknown name '\(word)' (only literals: strings, numbers, True, False, None, lists, tuples, dicts)")
        }
    }

    private func isBare(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 46 || c == 45 || c == 43 || c == 95
    }

    /// A quoted string with Python escapes: \\ \' \" \n \t \r \b \f \v \a \0 \xHH \uHHHH \UHHHHHHHH \ooo and
    /// backslash-newline. Unknown escapes keep the backslash, as Python does.
    private mutating func string() throws -> String {
        let quote = b[i]
        let open = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < b.count else { i = open; throw fail("unterminated string") }
            let c = b[i]
            if c == quote { i += 1; break }
            if c != 92 { out.append(c); i += 1; continue }
            i += 1
            guard i < b.count else { i = open; throw fail("unterminated string") }
            let e = b[i]
            i += 1
            switch e {
            case 92, 39, 34: out.append(e)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "t"): out.append(9)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "a"): out.append(7)
            case 10: break
            case UInt8(ascii: "x"): try appendScalar(hexDigits: 2, into: &out)
            case UInt8(ascii: "u"): try appendScalar(hexDigits: 4, into: &out)
            case UInt8(ascii: "U"): try appendScalar(hexDigits: 8, into: &out)
            case 48...55:
                var v = UInt32(e - 48)
                var n = 1
                while n < 3, i < b.count, b[i] >= 48, b[i] <= 55 { v = v * 8 + UInt32(b[i] - 48); i += 1; n += 1 }
                appendScalar(v, into: &out)
            default: out.append(92); out.append(e)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { i = open; throw fail("string is not valid UTF-8") }
        return s
    }

    private mutating func appendScalar(hexDigits n: Int, into out: inout [UInt8]) throws {
        guard i + n <= b.count else { throw fail("truncated \\x/\\u escape") }
        var v: UInt32 = 0
        for _ in 0..<n {
            let c = b[i]
            let d: UInt32
            switch c {
            case 48...57: d = UInt32(c - 48)
            case 97...102: d = UInt32(c - 87)
            case 65...70: d = UInt32(c - 55)
            default: throw fail("bad hex digit in escape")
            }
            v = v * 16 + d
            i += 1
        }
        appendScalar(v, into: &out)
    }

    private func appendScalar(_ v: UInt32, into out: inout [UInt8]) {
        // Lone surrogates (possible in \u escapes) become U+FFFD rather than invalid UTF-8.
        let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
