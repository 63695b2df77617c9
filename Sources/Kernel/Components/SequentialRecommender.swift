// The `recommender` component (ARCHITECTURE.md, "baselines"): a non-generative next-item model that sees the
// same training sequences as the generative pipeline and answers with ranked item indices, so its lists go
// through the same metrics (HR/NDCG@k) and the same report. Popularity, item-kNN, Markov and SASRec are the
// built-ins (Sources/Plugins/Baselines).
//
// Items are catalog indices 0..<N (as in `Interactions.sequences`). A split hands over the training part of
// every user's sequence (oldest first); evaluation asks for the top k of each visible history.
//
// Legend: U users, N items, k list length.

public protocol SequentialRecommender: AnyObject {
    /// Learns from the training-visible sequences only (per user, oldest first, items in 0..<itemCount).
    /// Every random choice flows from `seed`. `progress` is called once per epoch (once for count models).
    func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64,
             progress: ((RecommenderProgress) -> Void)?) throws

    /// For each history (oldest first), the top `k` distinct items, best first (fewer only when the catalog
    /// has fewer than k items). Histories may contain items never seen in training.
    func recommend(histories: [[Int]], k: Int) throws -> [[Int]]
}

extension SequentialRecommender {
    public func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64) throws {
        try fit(trainingSequences: trainingSequences, itemCount: itemCount, seed: seed, progress: nil)
    }

    /// Checks that every item is a catalog index; the first bad entry names its user and position.
    public static func validate(_ sequences: [[Int]], itemCount: Int) throws {
        for (u, s) in sequences.enumerated() {
            for (p, item) in s.enumerated() where item < 0 || item >= itemCount {
                throw RecommenderError.itemOutOfRange(user: u, position: p, item: item, itemCount: itemCount)
            }
        }
    }
}

