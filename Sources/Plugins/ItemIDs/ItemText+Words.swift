// Reading an item's text the way ID strategies need it: named fields (from `fields`, else parsed from the
// IDGenRec/OpenP5 plain text by `ItemText.parse`) and normalized words (lower-cased,
// apostrophes dropped, every other non-alphanumeric character a separator), so that IDs are plain words the
// shared tokenizer handles and two spellings of one word do not become two IDs.
import Foundation

extension ItemText {
    /// The value of `name` for `item`: `fields[name]` when present, else parsed from the text.
    public static func field(_ name: String, of item: CatalogItem) -> String? {
        if let v = item.fields[name] { return v }
        return parse(item.text)[name]
    }

    /// The text with field names removed (`title: x; brand: y` → `x y`): field names occur in every item
    /// and would otherwise be words of every ID.
    public static func fieldValues(of item: CatalogItem) -> String {
        if !item.fields.isEmpty { return item.fields.keys.sorted().map { item.fields[$0]! }.joined(separator: " ") }
        let parsed = parse(item.text)
        if parsed.isEmpty { return item.text }
        return parsed.keys.sorted().map { parsed[$0]! }.joined(separator: " ")
    }

    /// Lower-cased words: letters and digits kept, apostrophes dropped ("women's" → "womens"), all else splits.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if ch == "'" || ch == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
