// A test double: whole words from a fixed table, every other word the unknown token — so two different ID
import Foundation
// strings can encode to the same token sequence, which is what token-level uniqueness must catch.
import IDGenPlugins

final class WordTableTokenizer: TextTokenizer {
    var table: [String: Int]
    var atomic: [String: Int] = [:]
    let padID = 0, eosID = 1, unkID = 2
    var vocabularySize: Int { 3 + table.count + atomic.count }

    init(words: [String]) {
        var t: [String: Int] = [:]
        for w in words where t[w] == nil { t[w] = 3 + t.count }
        table = t
    }

    func encode(_ text: String, addEOS: Bool) -> [Int] {
        var ids: [Int] = []
        for piece in text.split(separator: " ") {
            var rest = Substring(piece)
            // atomic tokens appear literally, possibly glued together: `<c1_3><i_0>`
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                if open > rest.startIndex { ids.append(table[String(rest[..<open])] ?? unkID) }
                let tok = String(rest[open...close])
                ids.append(atomic[tok] ?? unkID)
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { ids.append(table[String(rest)] ?? unkID) }
        }
        return addEOS ? ids + [eosID] : ids
    }

    func decode(_ ids: [Int], skipSpecial: Bool) -> String { "" }

    func addAtomicTokens(_ tokens: [String]) -> [Int] {
        tokens.map { t in
            if let id = atomic[t] { return id }
            let id = 3 + table.count + atomic.count
            atomic[t] = id
            return id
        }
    }

    func tokenID(_ token: String) -> Int? { table[token] ?? atomic[token] }
}

/// Catalog helpers shared by the item-ID tests.
enum Catalogs {
    static func items(_ texts: [String]) -> [CatalogItem] {
        texts.enumerated().map { CatalogItem(rawID: "i\($0.offset)", text: $0.element) }
    }

    /// The adversarial catalog every strategy must survive: identical texts, empty texts, one-word titles,
    /// titles that are prefixes of others, and a title that looks like a suffixed duplicate.
    static let adversarial: [CatalogItem] = items([
        "title: Lipstick; brand: Acme; categories: Beauty, Makeup, Lips",
        "title: Lipstick; brand: Acme; categories: Beauty, Makeup, Lips",
        "title: Lipstick; brand: Acme; categories: Beauty, Makeup, Lips",
        "title: Lipstick Red; brand: Acme; categories: Beauty, Makeup, Lips",
        "title: Lipstick 2; brand: Other; categories: Beauty, Makeup, Lips",
        "",
        "",
        "title: ; brand: ; categories: Beauty",
        "title: Shampoo; brand: Wash; categories: Beauty, Hair",
        "title: Shampoo; brand: Wash; categories: Beauty, Hair",
        "title: !!!; categories: Beauty, Hair",
        "title: Soap; Bar Edition; brand: Bubbles; categories: Beauty, Bath",
        "Plain text without fields at all",
        "Plain text without fields at all",
    ])

    static func input(_ catalog: [CatalogItem], sequences: [[Int]] = [], seed: UInt64 = 7,
                      tokenizer: TextTokenizer? = nil) -> ItemIDInput {
        ItemIDInput(catalog: catalog, trainingSequences: sequences, seed: seed, tokenizer: tokenizer)
    }

    static func assertUnique(_ a: ItemIDAssignment, count: Int, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        a.ids.count == count && Set(a.ids).count == count && a.ids.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
