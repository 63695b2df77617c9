// `semantic` item IDs (P5-SemID; Hua et al. 2023, "How to Index Item IDs", §4.3): an item is its category
// path — one atomic token per level, `<s1_4><s2_0><s3_17>` — followed by its index within the leaf category,
// `<si_3>`, so items of one category share a trie prefix. Level tokens are per level and per category name
// (the same name at the same depth is one token, as P5 adds one token per category). Categories come from
// `fields["categories"]`, else `categories: A, B, C` in the item text. Levels every item shares (Amazon
// Beauty's root "Beauty") carry no information and are dropped by default. Items without categories in a
// dataset that has them share the path `<s1_uncategorized>`… as one more category; a dataset with no
// categories at all is an error: there is nothing semantic to index.
//
// Legend: N items.

import Foundation

public struct SemanticIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// Field holding the category path (separators: ",", ">", "|").
        public var field: String = "categories"
        /// Drop leading levels that every item has in common (e.g. Amazon's root category).
        public var dropCommonRoot: Bool = true
        /// Deepest category level used (P5 used the full path); nil = all levels.
        public var maxDepth: Int? = nil

        public init() {}
        public init(field: String = "categories", dropCommonRoot: Bool = true, maxDepth: Int? = nil) {
            self.field = field
            self.dropCommonRoot = dropCommonRoot
            self.maxDepth = maxDepth
        }
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        var paths = input.catalog.map { categoryPath(of: $0) }                         // [N]
        let categorized = paths.filter { !$0.isEmpty }.count
        guard categorized > 0 else { throw ItemIDError.noCategories(strategy: "semantic") }
        if let d = config.maxDepth { paths = paths.map { Array($0.prefix(max(1, d))) } }
        var dropped = 0
        if config.dropCommonRoot && categorized == paths.count {
            while let first = paths[0].first, paths.allSatisfy({ $0.count > 1 && $0.first == first }) {
                paths = paths.map { Array($0.dropFirst()) }
                dropped += 1
            }
        }
        paths = paths.map { $0.isEmpty ? ["uncategorized"] : $0 }
        // One token per (level, name), numbered in order of first appearance in the catalog.
        var tokenIndex: [[String: Int]] = []
        var leafCount: [[String]: Int] = [:]
        var ids: [String] = []
        var maxLeaf = 0
        for path in paths {
            var id = ""
            for (level, name) in path.enumerated() {
                if tokenIndex.count <= level { tokenIndex.append([:]) }
                let k = tokenIndex[level][name] ?? tokenIndex[level].count
                tokenIndex[level][name] = k
                id += "<s\(level + 1)_\(k)>"
            }
            let within = leafCount[path, default: 0]
            leafCount[path] = within + 1
            maxLeaf = max(maxLeaf, within + 1)
            ids.append(id + "<si_\(within)>")
        }
        var added: [String] = []
        for (level, names) in tokenIndex.enumerated() {
            added += names.values.sorted().map { "<s\(level + 1)_\($0)>" }
        }
        added += (0..<maxLeaf).map { "<si_\($0)>" }
        return ItemIDAssignment(ids: ids, addedTokens: added, report: [
            "categories": "\(categorized) of \(paths.count) items have categories; \(leafCount.count) leaf categories, "
                + "levels \(tokenIndex.count), \(dropped) common root level(s) dropped",
            "collisions": "none: index within leaf category (largest leaf \(maxLeaf) items)",
        ])
    }

    private func categoryPath(of item: CatalogItem) -> [String] {
        guard let raw = ItemText.field(config.field, of: item) else { return [] }
        return raw.split(whereSeparator: { $0 == "," || $0 == ">" || $0 == "|" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
