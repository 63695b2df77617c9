// `keyword` item IDs: the item's words ranked by TF-IDF over the catalog (stop words out), taken in
// descending salience until the ID is unique — "truth perfume calvin klein"-like IDs without a generator,
// and the extractive targets a fresh IDGenRec generator can be pretrained on (`textual`).
//
// Legend: N items.

public struct KeywordIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// Words every ID starts with.
        public var minWords: Int = 1
        /// Words an ID may grow to before a numeric suffix; nil = all of the item's distinct words.
        public var maxWords: Int? = nil
        /// Words shorter than this are not keywords.
        public var minWordLength: Int = 2
        /// The ID word for items with no usable text.
        public var fallbackWord: String = "item"

        public init() {}
        public init(minWords: Int = 1, maxWords: Int? = nil, minWordLength: Int = 2, fallbackWord: String = "item") {
            self.minWords = minWords
            self.maxWords = maxWords
            self.minWordLength = minWordLength
            self.fallbackWord = fallbackWord
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            if let m = maxWords { c.require(m >= 1, "max_words", "must be at least 1 (got \(m))") }
            c.require(!ItemText.words(fallbackWord).isEmpty, "fallback_word", "must contain a letter or digit")
            return c.problems
        }
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        if let p = config.validate().first { throw ItemIDError.invalidConfig(strategy: "keyword", key: p.key, problem: p.message) }
        let fallback = ItemText.words(config.fallbackWord).joined(separator: " ")
        let weights = TermWeights(catalog: input.catalog, minLength: config.minWordLength)
        let words = input.catalog.indices.map { weights.rankedWords(of: $0) }
        let outcome = try UniqueWordPrefixes(minWords: config.minWords, maxWords: config.maxWords, fallbackWord: fallback)
            .assign(words: words, key: TokenSequenceKey.make(input.tokenizer), strategy: "keyword")
        return ItemIDAssignment(ids: outcome.ids, addedTokens: [], report: [
            "source": "TF-IDF over \(weights.vocabulary.count) catalog terms, stop words out",
            "collisions": "\(outcome.extendedItems) items extended word by word, \(outcome.suffixedItems) resolved by numeric suffix",
            "empty_texts": "\(outcome.emptyItems) items given '\(fallback)'",
        ])
    }
}
