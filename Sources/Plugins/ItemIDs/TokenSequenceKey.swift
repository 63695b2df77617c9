// What "unique" means for an ID: the token sequence the trie will hold. With a tokenizer, two different
// strings that encode to the same ids are the same ID; without one, the string itself is the key.
public enum TokenSequenceKey {
    public static func make(_ tokenizer: TextTokenizer?) -> (String) -> String {
        guard let t = tokenizer else { return { $0 } }
        return { t.encode($0, addEOS: false).map(String.init).joined(separator: ",") }
    }
}
