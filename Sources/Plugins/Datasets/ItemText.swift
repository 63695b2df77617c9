// Item text in the paper's form, `title: …; brand: …; categories: a, b` (IDGenRec §4.1 builds the ID
// generator's input from these fields, lower-cased). Loaders build it from chosen fields; the folder loader
// parses it back into named fields.

public enum ItemText {
    /// `key: value; key: value` from (field, value) pairs in the given order, skipping empty values.
    public static func build(_ fields: [(String, String)], lowercase: Bool) -> String {
        var parts: [String] = []
        for (key, value) in fields {
            let v = collapseSpaces(value)
            if v.isEmpty { continue }
            parts.append("\(key): \(lowercase ? v.lowercased() : v)")
        }
        return parts.joined(separator: "; ")
    }

    /// Named fields of a `key: value; key: value` text. A segment that does not start with a field name
    /// (letters, spaces, `_`, then `: `) belongs to the previous field — titles may contain "; ".
    /// Text with no field names at all gives an empty dictionary.
    public static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        var lastKey: String? = nil
        for segment in text.split(separator: "; ", omittingEmptySubsequences: false) {
            if let colon = segment.firstRange(of: ": "), isFieldName(segment[..<colon.lowerBound]) {
                let key = String(segment[..<colon.lowerBound])
                fields[key] = String(segment[colon.upperBound...])
                lastKey = key
            } else if let key = lastKey {
                fields[key, default: ""] += "; " + segment
            }
        }
        return fields
    }

    static func isFieldName(_ s: Substring) -> Bool {
        !s.isEmpty && s.count <= 32 && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == " "
        }
    }

    /// Whitespace runs (including newlines and tabs from raw metadata) become one space; ends trimmed.
    public static func collapseSpaces(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
