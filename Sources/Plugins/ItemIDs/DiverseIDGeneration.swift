// IDGenRec's diverse ID generation (paper Alg. 1, as the released code runs it): each item's ID is the first
// of the generator's candidates — normalized to its words — whose token sequence no other item holds yet.
// When none of an item's candidates is free, the diversity penalty rises by 1 (from 1.0); once the penalty
// has been tried at 10, the length bounds [L, L+10] move up by 10 (L starts at 1) and the penalty resets.
//
// Differences from the reference, on purpose:
// - Items are generated in batches, not one at a time: a round asks the generator for every still-unresolved
//   item at the round's (penalty, L), then assigns in item order (so within a round the result is what
//   one-at-a-time processing would give); items left over escalate together into the next round.
// - "Not yet assigned" is judged on the token sequence the trie will hold (`tokenizer.encode(id, addEOS: true)`),
//   so two strings that tokenize alike are one ID.
// - The schedule is bounded (`lengthLevels` values of L); an item still without a free candidate then gets its
//   first candidate (or the placeholder's words) plus a numeric disambiguator — the very last resort, counted.
// - An item whose text has no words is generated from `placeholderText`, so it still gets a non-empty ID.
//
// Legend: N items, B items per generator call, C candidates per item.

public struct DiverseIDGeneration {
    public struct Config: Equatable {
        /// Items per generator call (the reference: 1).
        public var batchSize = 64
        /// L of the first round (paper: 1); lengths are [L, L + lengthSpan], counting the decoder start token as HF does.
        public var startLength = 1
        public var lengthSpan = 10
        /// How far L moves when the penalties are used up (paper: 10).
        public var lengthStep = 10
        /// How many values of L are tried before the numeric last resort (1, 11, 21 by default).
        public var lengthLevels = 3
        /// The penalty schedule at each L: first, first + 1, …, last (paper: 1.0 … 10.0).
        public var firstPenalty: Float = 1
        public var lastPenalty: Float = 10
        /// What the generator reads for an item with no words.
        public var placeholderText = "item"
        /// Candidate clean-up beyond "its words": a word repeated back to back is kept once, and at most
        /// `maxWords` words are kept (nil: all). Off here (the paper's IDs); textual item IDs turn it on by default
        /// (`collapse_repeats`) and textual user IDs always, since a generator taught on item texts tends to
        /// repeat a word until the length bound.
        public var collapseRepeats = false
        public var maxWords: Int? = nil

        public init() {}
    }

    /// One round of the schedule: its settings, how many items asked, how many got their ID in it.
    public struct Round: Equatable {
        public var diversityPenalty: Float
        public var minLength: Int
        public var maxLength: Int
        public var items: Int
        public var resolved: Int
    }

    public struct Outcome: Equatable {
        public var ids: [String]                 // [N]
        public var rounds: [Round]
        public var candidatesTried: Int          // candidates checked against the assigned sequences
        public var penaltyEscalations: Int       // rounds that started with a raised penalty
        public var lengthEscalations: Int        // rounds that started with L raised (penalty reset)
        public var lastResortSuffixes: Int       // items past the schedule: numeric disambiguator (or bare placeholder)
        public var placeholderItems: Int         // items generated from the placeholder text (no words)

        /// Report-card lines (candidates tried, penalty/length escalations).
        public var report: [String: String] {
            [
                "collisions": "\(ids.count - (rounds.first?.resolved ?? 0)) items escalated past the first round, "
                    + "\(lastResortSuffixes) resolved by numeric suffix",
                "candidates_tried": "\(candidatesTried)",
                "escalations": "\(penaltyEscalations) penalty raises, \(lengthEscalations) length raises over \(rounds.count) rounds",
                "rounds": rounds.map { "λ=\(Int($0.diversityPenalty)) L=\($0.minLength): \($0.resolved)/\($0.items)" }
                    .joined(separator: "; "),
                "last_resort_suffixes": "\(lastResortSuffixes)",
                "empty_texts": "\(placeholderItems) items generated from the placeholder text",
            ]
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        func bad(_ key: String, _ problem: String) -> ItemIDError {
            ItemIDError.invalidConfig(strategy: "textual", key: key, problem: problem)
        }
        guard config.batchSize >= 1 else { throw bad("batch_size", "must be at least 1 (got \(config.batchSize))") }
        guard config.startLength >= 0, config.lengthSpan >= 1, config.lengthStep >= 1, config.lengthLevels >= 1 else {
            throw bad("length", "start ≥ 0, span ≥ 1, step ≥ 1 and levels ≥ 1 are needed")
        }
        guard config.firstPenalty <= config.lastPenalty else {
            throw bad("diversity_penalty", "the first penalty must not exceed the last")
        }
        guard config.maxWords.map({ $0 >= 1 }) ?? true else { throw bad("max_words", "must be at least 1") }
        guard !ItemText.words(config.placeholderText).isEmpty else {
            throw bad("placeholder_text", "must contain a letter or digit")
        }
        self.config = config
    }

    /// An ID for every text, unique at the token level for `tokenizer`, following the schedule above.
    public func generate(texts: [String], generator: IDCandidateGenerator, tokenizer: TextTokenizer) throws -> Outcome {
        let n = texts.count
        let empty = texts.map { ItemText.words($0).isEmpty }
        let inputs = texts.indices.map { empty[$0] ? config.placeholderText : texts[$0] }
        var ids = [String?](repeating: nil, count: n)
        var firstCandidate = [String?](repeating: nil, count: n)
        var used = Set<[Int]>()
        var out = Outcome(ids: [], rounds: [], candidatesTried: 0, penaltyEscalations: 0, lengthEscalations: 0,
                          lastResortSuffixes: 0, placeholderItems: empty.filter { $0 }.count)
        var pending = Array(0 ..< n)
        var level = 0, penalty = config.firstPenalty
        while !pending.isEmpty {
            let minLength = config.startLength + level * config.lengthStep
            let maxLength = minLength + config.lengthSpan
            var resolved = 0
            for lo in stride(from: 0, to: pending.count, by: config.batchSize) {
                let chunk = Array(pending[lo ..< min(lo + config.batchSize, pending.count)])   // [B]
                let lists = try generator.candidates(for: chunk.map { inputs[$0] }, diversityPenalty: penalty,
                                                     minLength: minLength, maxLength: maxLength)
                for (item, list) in zip(chunk, lists) {
                    for raw in list {
                        let id = normalize(raw)
                        guard !id.isEmpty else { continue }
                        out.candidatesTried += 1
                        if firstCandidate[item] == nil { firstCandidate[item] = id }
                        if used.insert(tokenizer.encode(id, addEOS: true)).inserted {
                            ids[item] = id
                            resolved += 1
                            break
                        }
                    }
                }
            }
            out.rounds.append(Round(diversityPenalty: penalty, minLength: minLength, maxLength: maxLength,
                                    items: pending.count, resolved: resolved))
            pending = pending.filter { ids[$0] == nil }
            if pending.isEmpty { break }
            if penalty + 1 <= config.lastPenalty {
                penalty += 1
                out.penaltyEscalations += 1
            } else if level + 1 < config.lengthLevels {
                level += 1
                penalty = config.firstPenalty
                out.lengthEscalations += 1
            } else {
                break
            }
        }
        for item in pending {
            ids[item] = try lastResort(base: firstCandidate[item], tokenizer: tokenizer, used: &used)
            out.lastResortSuffixes += 1
        }
        out.ids = ids.map { $0! }
        return out
    }

    /// `base 2`, `base 3`, … (or the placeholder's words first when the generator never offered a word),
    /// the first whose token sequence is free.
    /// A candidate as an ID: its words, cleaned up as configured.
    func normalize(_ raw: String) -> String {
        var words = ItemText.words(raw)
        if config.collapseRepeats {
            words = words.enumerated().filter { $0.offset == 0 || words[$0.offset - 1] != $0.element }.map(\.element)
        }
        if let cap = config.maxWords { words = Array(words.prefix(cap)) }
        return words.joined(separator: " ")
    }

    func lastResort(base: String?, tokenizer: TextTokenizer, used: inout Set<[Int]>) throws -> String {
        let stem = base ?? ItemText.words(config.placeholderText).joined(separator: " ")
        if base == nil, used.insert(tokenizer.encode(stem, addEOS: true)).inserted { return stem }
        // Each number is a new sequence when the tokenizer spells digits: at most |used| + 1 tries.
        for k in 2 ... used.count + 2 {
            let id = "\(stem) \(k)"
            if used.insert(tokenizer.encode(id, addEOS: true)).inserted { return id }
        }
        throw ItemIDError.indistinguishable(strategy: "textual", id: stem)
    }
}
