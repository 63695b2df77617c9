// Everything a run has built before training: data, split, shared tokenizer, item IDs and their trie,
// user IDs and tokenized prompts. Legend: N items, S samples, T prompt tokens.

public struct PreparedRun {
    public var data: Interactions
    public var split: DataSplit
    public var tokenizer: TextTokenizer
    public var itemIDs: [String]               // [N] the ID text of every item
    public var itemTokens: [[Int]]             // [N] its token sequence, EOS last (what the trie holds)
    public var trie: Trie
    public var idReport: [String]              // report card lines
    public var trainPairs: [Seq2SeqPair]       // [S_train] prompt tokens → target ID tokens
    public var validSamples: [EvaluationSample]
    public var testSamples: [EvaluationSample]
    public var notes: [String]                 // lint findings, loader and split remarks
    public var idBuildSeconds: Double
    // What alternate training needs to regenerate IDs and re-render prompts.
    public var strategy: ItemIDStrategy
    public var idInput: ItemIDInput
    public var prompts: PromptFormat
    public var userIDs: UserIDStrategy
}
