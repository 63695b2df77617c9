// Options of the Unigram vocabulary trainer; names and defaults follow sentencepiece's trainer_spec.
public struct UnigramTrainerOptions: Sendable {
    /// Total ids, counting <pad> </s> <unk>, the special tokens and the 256 byte pieces (as sentencepiece counts).
    public var vocabularySize: Int = 8000
    /// Share of character occurrences the vocabulary must cover; rarer characters are left to unk / byte fallback.
    public var characterCoverage: Double = 0.9995
    /// Adds `<0x00>`…`<0xFF>` so uncovered characters become bytes instead of `<unk>`.
    public var byteFallback: Bool = true
    /// Whole tokens placed after `<unk>` (e.g. `<extra_id_0>`, `<c_3>`); never split, dropped by skip-special decode.
    public var specialTokens: [String] = []
    /// Longest piece, in characters (sentencepiece's max_sentencepiece_length).
    public var maxPieceLength: Int = 16
    /// Seed substrings kept before EM (sentencepiece's seed_sentencepiece_size).
    public var seedSize: Int = 1_000_000
    /// Share of pieces kept by each pruning round (sentencepiece's shrinking_factor).
    public var shrinkingFactor: Double = 0.75
    /// EM steps between pruning rounds (sentencepiece's num_sub_iterations).
    public var subIterations: Int = 2

    public init(vocabularySize: Int = 8000, characterCoverage: Double = 0.9995, byteFallback: Bool = true,
                specialTokens: [String] = []) {
        self.vocabularySize = vocabularySize
        self.characterCoverage = characterCoverage
        self.byteFallback = byteFallback
        self.specialTokens = specialTokens
    }
}
