// The `item-ids` component: maps every catalog item to a unique identifier (IDGenRec's textual IDs,
// P5's sequential/collaborative IDs, titles, RQ codes, external plugins…). An ID is a string: plain words are
// tokenized by the shared tokenizer; atomic tokens (e.g. `<c_3>`) appear literally and are listed in
// `addedTokens` so the tokenizer never splits them. The pipeline checks uniqueness on token sequences.
//
// Legend: N items.

/// What a strategy may see: the catalog and the *training-visible* sequences only (never valid/test targets).
public struct ItemIDInput {
    public var catalog: [CatalogItem]          // [N]
    public var trainingSequences: [[Int]]      // per user, training part only, item indices oldest first
    public var seed: UInt64
    public var tokenizer: TextTokenizer?       // for strategies that check uniqueness at token level
    /// Where a strategy with long work (training a generator) reports its progress; nil = silent.
    public var progress: ProgressHandler?

    public init(catalog: [CatalogItem], trainingSequences: [[Int]], seed: UInt64, tokenizer: TextTokenizer? = nil,
                progress: ProgressHandler? = nil) {
        self.catalog = catalog
        self.trainingSequences = trainingSequences
        self.seed = seed
        self.tokenizer = tokenizer
        self.progress = progress
    }
}

/// A strategy's answer: one ID string per item, the atomic tokens it needs, and report-card lines.
public struct ItemIDAssignment: Equatable {
    public var ids: [String]                   // [N]
    public var addedTokens: [String]
    public var report: [String: String]        // e.g. "collisions": "12 resolved by suffix"

    public init(ids: [String], addedTokens: [String] = [], report: [String: String] = [:]) {
        self.ids = ids
        self.addedTokens = addedTokens
        self.report = report
    }
}

public protocol ItemIDStrategy {
    /// Builds the IDs from training-visible data only.
    func assign(_ input: ItemIDInput) throws -> ItemIDAssignment
}
