// `textual` user IDs (IDGenRec): the item-ID generator reads the concatenated IDs (or texts) of the user's
// most recent training-visible items and writes one short unique ID per user, with the same diverse ID
// generation as the items (unique token sequences across users; repeated words collapsed, at most `max_words`). One ID per user, built once per run in
// `prepare` and again after every ID-generator phase of alternate training (`regenerate`).
//
// Leak-free by default: the items read are the user's training sequence — never the validation or test
// target. `history: "full-sequence-leak"` reproduces the released code (user IDs from the whole sequence,
// upstream issue #1) for comparison only; the leakage lint reports it on every run that uses it.
//
// Legend: U users, N items.
import Foundation

public final class TextualUserIDs: TrainableUserIDs {
    public enum History: String, Codable, Sendable {
        /// Items before the user's first evaluated position (leak-free).
        case training
        /// The whole sequence, targets included: the released code's leak, for reproduction only.
        case fullSequenceLeak = "full-sequence-leak"
    }

    public enum Input: String, Codable, Sendable {
        /// The items' IDs in force, joined by ", " (the paper's construction).
        case itemIDs = "item-ids"
        /// The items' texts, joined by " | ".
        case itemTexts = "item-texts"
    }

    public struct Config: ComponentConfig, Equatable {
        public var history: History = .training
        public var input: Input = .itemIDs
        /// The most recent items read per user.
        public var maxItems = 20
        /// Generator input tokens (the tail of the items is cut when longer).
        public var maxInputTokens = 96
        /// Group beam search as for items: beams in groups, candidates per user and round.
        public var beams = 10
        public var groups = 10
        public var candidates = 10
        /// Users per generator call.
        public var batchSize = 64
        /// Values of L tried before the numeric last resort.
        public var lengthLevels = 3
        /// What the generator reads for a user with no visible items.
        public var placeholderText = "user"
        /// Words kept per ID; words repeated back to back are kept once (a generator taught on item texts
        /// tends to repeat a word up to the length bound when it reads a list of IDs).
        public var maxWords = 4

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(maxItems >= 1, "max_items", "must be at least 1 (got \(maxItems))")
            var problems = c.problems + GroupBeamIDCandidates.problems(beams: beams, groups: groups, candidates: candidates,
                                                                       maxInputTokens: maxInputTokens)
            var rest = ConfigChecks()
            rest.require(batchSize >= 1, "batch_size", "must be at least 1 (got \(batchSize))")
            rest.require(lengthLevels >= 1, "length_levels", "must be at least 1 (got \(lengthLevels))")
            rest.require(maxWords >= 1, "max_words", "must be at least 1")
            rest.require(!ItemText.words(placeholderText).isEmpty, "placeholder_text", "must contain a letter or digit")
            problems += rest.problems
            return problems
        }
    }

    public let config: Config
    /// [U] the ID of every user (after `prepare` / `regenerate`).
    public private(set) var ids: [String] = []
    /// [U] the items each user's ID reads (oldest first, at most `maxItems`).
    public private(set) var sources: [[Int]] = []
    /// The last generation's report (schedule rounds, escalations, changes since the previous IDs).
    public private(set) var report: [String: String] = [:]
    private var catalog: [CatalogItem] = []

    public init(config: Config = Config()) throws {
        func bad(_ key: String, _ problem: String) -> UserIDError { .invalidConfig(strategy: "textual", key: key, problem: problem) }
        if let p = config.validate().first { throw bad(p.key, p.message) }
        do {
            _ = try Self.generation(config)
        } catch let ItemIDError.invalidConfig(_, key, problem) {
            throw bad(key, problem)
        }
        self.config = config
    }

    public var itemsRead: [[Int]]? { sources }

    public var declaredLeak: String? {
        config.history == .fullSequenceLeak
            ? "user_ids.history = 'full-sequence-leak' reproduces the released IDGenRec code (upstream issue #1): user IDs read the evaluation targets, so these metrics are not leak-free"
            : nil
    }

    public func prepare(_ input: UserIDPreparation) throws {
        guard let generator = input.idGenerator else { throw UserIDError.needsGenerator(strategy: "textual") }
        guard let tokenizer = input.tokenizer else { throw UserIDError.needsTokenizer(strategy: "textual") }
        let sequences = config.history == .training ? input.trainingSequences : input.fullSequences
        sources = sequences.map { Array($0.suffix(config.maxItems)) }
        catalog = input.catalog
        try regenerate(with: generator, itemIDs: input.itemIDs, tokenizer: tokenizer)
    }

    /// Every user's ID again from `generator` and the item IDs in force (after an ID-generator phase).
    public func regenerate(with generator: T5Model, itemIDs: [String], tokenizer: TextTokenizer) throws {
        let start = Date()
        let candidates = try GroupBeamIDCandidates(scorer: generator, tokenizer: tokenizer, beams: config.beams,
                                                   groups: config.groups, candidates: config.candidates,
                                                   maxInputTokens: config.maxInputTokens)
        let outcome = try Self.generation(config).generate(texts: generatorTexts(itemIDs: itemIDs), generator: candidates,
                                                      tokenizer: tokenizer)
        var out = outcome.report
        out["users"] = "\(outcome.ids.count) (\(Set(outcome.ids).count) distinct IDs)"
        out["reads"] = "\(config.input.rawValue) of the last \(config.maxItems) \(config.history == .training ? "training-visible" : "(LEAKY, whole-sequence)") items"
        out["generation_seconds"] = String(format: "%.1f", Date().timeIntervalSince(start))
        if ids.count == outcome.ids.count {
            out["changed_since_previous"] = "\(zip(ids, outcome.ids).filter { $0 != $1 }.count) users"
        }
        ids = outcome.ids
        report = out
    }

    /// Takes `ids` as the user IDs in force (a resumed run restoring its state).
    public func adopt(_ ids: [String]) { self.ids = ids }

    /// [U] what the generator reads for each user, built from `itemIDs` (or the catalog texts).
    public func generatorTexts(itemIDs: [String]) -> [String] {
        sources.map { items in
            switch config.input {
            case .itemIDs: return items.map { itemIDs[$0] }.joined(separator: ", ")
            case .itemTexts: return items.map { catalog[$0].text }.joined(separator: " | ")
            }
        }
    }

    /// [U] the generator's input tokens for each user (`generatorTexts`, cut to `max_input_tokens`).
    public func generatorInputs(itemIDs: [String], tokenizer: TextTokenizer) -> [[Int]] {
        generatorTexts(itemIDs: itemIDs).map {
            GeneratorInput.tokens($0, placeholder: config.placeholderText, maxInputTokens: config.maxInputTokens, tokenizer: tokenizer)
        }
    }

    public func userID(_ input: UserIDInput) throws -> String {
        guard ids.indices.contains(input.userIndex) else {
            throw UserIDError.notPrepared(strategy: "textual", user: input.userIndex, users: ids.count)
        }
        return ids[input.userIndex]
    }

    static func generation(_ config: Config) throws -> DiverseIDGeneration {
        var c = DiverseIDGeneration.Config()
        c.batchSize = config.batchSize
        c.lengthLevels = config.lengthLevels
        c.placeholderText = config.placeholderText
        c.collapseRepeats = true
        c.maxWords = config.maxWords
        return try DiverseIDGeneration(config: c)
    }
}
