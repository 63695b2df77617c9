// What an ID generator reads for one text (an item's, or a user's list of item IDs): its tokens with EOS,
// the placeholder text when it has no words, cut to `maxInputTokens` with EOS kept last (the reference
// truncates the same way). Legend: S input tokens.
public enum GeneratorInput {
    public static func tokens(_ text: String, placeholder: String, maxInputTokens: Int, tokenizer: TextTokenizer) -> [Int] {   // [S]
        let t = tokenizer.encode(ItemText.words(text).isEmpty ? placeholder : text, addEOS: true)
        return t.count <= maxInputTokens ? t : Array(t.prefix(maxInputTokens - 1)) + [tokenizer.eosID]
    }
}
