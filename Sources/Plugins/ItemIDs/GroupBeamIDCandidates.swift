// The ID generator's candidates as IDGenRec's released code draws them: HF group beam search (10 beams in 10
// groups, 10 returned, Hamming diversity penalty) over the item text, here batched across items and
// KV-cached (`DiverseBeamDecoder`). Any `Seq2SeqScorer` works; the T5 is the usual one.
//
// Legend: B texts in one call, S input tokens (≤ maxInputTokens), C candidates per text.

public struct GroupBeamIDCandidates: IDCandidateGenerator {
    public let scorer: Seq2SeqScorer
    public let tokenizer: TextTokenizer
    public var beams: Int
    public var groups: Int
    public var candidateCount: Int
    public var maxInputTokens: Int

    public init(scorer: Seq2SeqScorer, tokenizer: TextTokenizer, beams: Int = 10, groups: Int = 10,
                candidates: Int = 10, maxInputTokens: Int = 64) throws {
        try Self.check(beams: beams, groups: groups, candidates: candidates, maxInputTokens: maxInputTokens)
        self.scorer = scorer
        self.tokenizer = tokenizer
        self.beams = beams
        self.groups = groups
        self.candidateCount = candidates
        self.maxInputTokens = maxInputTokens
    }

    /// Rejects settings group beam search cannot run with (named by the `textual` config keys).
    public static func check(beams: Int, groups: Int, candidates: Int, maxInputTokens: Int) throws {
        if let p = problems(beams: beams, groups: groups, candidates: candidates, maxInputTokens: maxInputTokens).first {
            throw ItemIDError.invalidConfig(strategy: "textual", key: p.key, problem: p.message)
        }
    }

    /// Every setting group beam search cannot run with, for the `validate()` of the configs that hold them.
    public static func problems(beams: Int, groups: Int, candidates: Int, maxInputTokens: Int) -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require(groups >= 1 && beams >= groups && beams % groups == 0, "beams",
                  "must be a positive multiple of groups (\(groups)), got \(beams)")
        c.require(candidates >= 1 && candidates <= beams, "candidates", "must be in 1...beams (\(beams)), got \(candidates)")
        c.require(maxInputTokens >= 2, "max_input_tokens", "must be at least 2, got \(maxInputTokens)")
        return c.problems
    }

    /// The text's tokens, cut to `maxInputTokens` with the EOS kept last (what the reference's truncation does).
    public func inputTokens(_ text: String) -> [Int] {   // [S]
        let ids = tokenizer.encode(text, addEOS: true)
        guard ids.count > maxInputTokens else { return ids }
        return Array(ids.prefix(maxInputTokens - 1)) + [tokenizer.eosID]
    }

    public func candidates(for texts: [String], diversityPenalty: Float, minLength: Int, maxLength: Int) throws -> [[String]] {
        var c = DiverseBeamDecoder.Config()
        c.groups = groups
        c.beamsPerGroup = beams / groups
        c.returnCount = candidateCount
        c.diversityPenalty = diversityPenalty
        c.minLength = minLength
        c.maxLength = maxLength
        let decoder = try DiverseBeamDecoder(config: c)
        return decoder.generate(scorer, inputs: texts.map(inputTokens)).map { sequences in
            sequences.map { tokenizer.decode($0.tokens, skipSpecial: true) }
        }
    }
}
