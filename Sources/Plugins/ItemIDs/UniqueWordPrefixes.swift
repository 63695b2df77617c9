// The shared engine of word-based IDs (`title`, `keyword`): each item has an ordered word list (title order,
// or descending salience); its ID is the shortest prefix of at least `minWords` words that no other item
// has, extended one word at a time only where IDs collide. Items whose words run out while still colliding
// (identical titles) get a numeric suffix " 2", " 3"… — the last resort — and an item with no words at all
// gets the fallback word. Uniqueness is checked on `key(id)`: the token sequence the trie will hold when a
// tokenizer is given (two strings can tokenize alike, e.g. through unknown characters), else the string.
//
// Legend: N items.

public struct UniqueWordPrefixes {
    public var minWords: Int
    public var maxWords: Int?             // cap before falling back to a suffix; nil = all words available
    public var fallbackWord: String

    public init(minWords: Int, maxWords: Int?, fallbackWord: String) {
        self.minWords = max(1, minWords)
        self.maxWords = maxWords
        self.fallbackWord = fallbackWord
    }

    public struct Outcome {
        public var ids: [String]          // [N]
        public var extendedItems: Int     // items that needed more than minWords because of a collision
        public var suffixedItems: Int     // items that needed a numeric suffix
        public var emptyItems: Int        // items with no words (given the fallback word)
    }

    public func assign(words wordLists: [[String]], key: (String) -> String, strategy: String) throws -> Outcome {
        let lists = wordLists.map { w -> [String] in
            let capped = maxWords.map { Array(w.prefix($0)) } ?? w
            return capped.isEmpty ? [fallbackWord] : capped
        }
        let n = lists.count
        var length = lists.map { min(minWords, $0.count) }
        let start = length
        func id(_ i: Int) -> String { lists[i].prefix(length[i]).joined(separator: " ") }
        // Extend colliding items word by word; each round extends at least one item or stops.
        while true {
            var groups: [String: [Int]] = [:]
            for i in 0..<n { groups[key(id(i)), default: []].append(i) }
            var extended = false
            for (_, members) in groups where members.count > 1 {
                // Identical word lists cannot be told apart by more words: straight to the suffix.
                guard Set(members.map { lists[$0] }).count > 1 else { continue }
                for i in members where length[i] < lists[i].count { length[i] += 1; extended = true }
            }
            if !extended { break }
        }
        var ids = (0..<n).map(id)
        // Last resort: identical word lists. The first item (catalog order) keeps the bare ID.
        var taken = Set(ids.map(key))
        var seen = Set<String>()
        var suffixed = 0
        for i in 0..<n {
            let k = key(ids[i])
            if !seen.contains(k) { seen.insert(k); continue }
            var s = 2
            while taken.contains(key("\(ids[i]) \(s)")) {
                s += 1
                if s > n + 2 { throw ItemIDError.indistinguishable(strategy: strategy, id: ids[i]) }
            }
            ids[i] = "\(ids[i]) \(s)"
            taken.insert(key(ids[i]))
            seen.insert(key(ids[i]))
            suffixed += 1
        }
        let extendedCount = (0..<n).filter { length[$0] > start[$0] }.count
        let empty = wordLists.filter { $0.isEmpty }.count
        return Outcome(ids: ids, extendedItems: extendedCount, suffixedItems: suffixed, emptyItems: empty)
    }
}
