// What diverse ID generation (IDGenRec Alg. 1) asks of an ID generator: for each item text, a few candidate
// IDs, best first, decoded with the round's diversity penalty and length bounds. The T5 answers through
// `GroupBeamIDCandidates`; tests answer with a scripted double that forces collisions, so the escalation
// schedule can be checked without a model.
//
// Legend: B texts in one call, C candidates per text.

public protocol IDCandidateGenerator {
    /// Up to C candidate IDs (decoded text, not yet normalized) per text, best first. `minLength` and
    /// `maxLength` are HF `generate`'s bounds (they count the decoder start token), as the reference passes them.
    func candidates(for texts: [String], diversityPenalty: Float, minLength: Int, maxLength: Int) throws -> [[String]]   // [B][≤C]
}
