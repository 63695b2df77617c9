// What multiplies the recommender's embedding table in IDGenRec's soft ID: the generator's per-position
// distribution (`probs`, our default: a convex mix of real token embeddings, so a confident generator gives
// exactly the hard ID's embeddings) or its log-softmax (`log_probs`, what the released reference code uses —
// negative weights summing to no fixed value; kept as a reproduction switch).
public enum SoftWeights: String, Codable, Equatable, Sendable, CaseIterable {
    case probs
    case logProbs = "log_probs"
}
