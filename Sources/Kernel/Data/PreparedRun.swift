// Everything a run has built before training: data, split, shared tokenizer, item IDs and their trie,
// user IDs and tokenized prompts — what a `Trainer` trains on (and may update) and the evaluation reads. Legend: N items, S samples, T prompt tokens.

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

    public init(data: Interactions, split: DataSplit, tokenizer: TextTokenizer, itemIDs: [String], itemTokens: [[Int]], trie: Trie, idReport: [String], trainPairs: [Seq2SeqPair], validSamples: [EvaluationSample], testSamples: [EvaluationSample], notes: [String], idBuildSeconds: Double, strategy: ItemIDStrategy, idInput: ItemIDInput, prompts: PromptFormat, userIDs: UserIDStrategy) {
        self.data = data
        self.split = split
        self.tokenizer = tokenizer
        self.itemIDs = itemIDs
        self.itemTokens = itemTokens
        self.trie = trie
        self.idReport = idReport
        self.trainPairs = trainPairs
        self.validSamples = validSamples
        self.testSamples = testSamples
        self.notes = notes
        self.idBuildSeconds = idBuildSeconds
        self.strategy = strategy
        self.idInput = idInput
        self.prompts = prompts
        self.userIDs = userIDs
    }
}
