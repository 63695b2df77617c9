// What "unique" means for an ID: the token sequence the trie will hold. With a tokenizer, two different
// strings that encode to the same ids are the same ID; without one, the string itself is the key.
// Encodings are memoized: word-prefix extension asks for the same strings round after round.
public enum TokenSequenceKey {
    public static func make(_ tokenizer: TextTokenizer?) -> (String) -> String {
        guard let t = tokenizer else { return { $0 } }
        final class Memo { var keys: [String: String] = [:] }
        let memo = Memo()
        return { id in
            if let k = memo.keys[id] { return k }
            let k = t.encode(id, addEOS: false).map(String.init).joined(separator: ",")
            memo.keys[id] = k
            return k
        }
    }

    /// Checks that training sequences only hold catalog indices (a loader or split bug otherwise).
    public static func validate(_ input: ItemIDInput, strategy: String) throws {
        let n = input.catalog.count
        for (user, sequence) in input.trainingSequences.enumerated() {
            if let bad = sequence.first(where: { $0 < 0 || $0 >= n }) {
                throw ItemIDError.itemOutOfRange(strategy: strategy, user: user, item: bad, catalogSize: n)
            }
        }
    }
}
