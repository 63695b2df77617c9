// `title` item IDs: the first words of the item's title, lower-cased and normalized to words, extended word
// by word only where two items would share an ID (a numeric suffix only when titles are identical). The
// readable baseline IDGenRec's learned IDs must beat: same vocabulary, no learning.
// The title comes from `fields["title"]`, else from `title: …;` in the item text (IDGenRec/OpenP5 format),
// else the whole text; an item with no words at all still gets a valid ID (the fallback word + suffix).
//
// Legend: N items.

public struct TitleIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// Field whose words make the ID.
        public var field: String = "title"
        /// Words every ID starts with (1 = shortest unique prefix).
        public var minWords: Int = 1
        /// Words an ID may grow to before a numeric suffix; nil = the whole title.
        public var maxWords: Int? = nil
        /// The ID word for items with no text.
        public var fallbackWord: String = "item"

        public init() {}
        public init(field: String = "title", minWords: Int = 1, maxWords: Int? = nil, fallbackWord: String = "item") {
            self.field = field
            self.minWords = minWords
            self.maxWords = maxWords
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
        if let p = config.validate().first { throw ItemIDError.invalidConfig(strategy: "title", key: p.key, problem: p.message) }
        let fallback = ItemText.words(config.fallbackWord).joined(separator: " ")
        let words = input.catalog.map { item -> [String] in
            ItemText.words(ItemText.field(config.field, of: item) ?? item.text)
        }
        let outcome = try UniqueWordPrefixes(minWords: config.minWords, maxWords: config.maxWords, fallbackWord: fallback)
            .assign(words: words, key: TokenSequenceKey.make(input.tokenizer), strategy: "title")
        return ItemIDAssignment(ids: outcome.ids, addedTokens: [], report: [
            "source": "field '\(config.field)' (or the text when absent)",
            "collisions": "\(outcome.extendedItems) items extended word by word, \(outcome.suffixedItems) resolved by numeric suffix",
            "empty_texts": "\(outcome.emptyItems) items given '\(fallback)'",
        ])
    }
}
