// Errors of `SequentialRecommender` components.

/// Why a recommender refused its input. The message reads as advice.
public enum RecommenderError: Error, CustomStringConvertible, Equatable {
    case itemOutOfRange(user: Int, position: Int, item: Int, itemCount: Int)
    case notFitted(String)
    case noTrainingData(String)

    public var description: String {
        switch self {
        case let .itemOutOfRange(user, position, item, itemCount):
            return "training sequence of user \(user), position \(position): item \(item) is outside 0..<\(itemCount); "
                + "pass the catalog size as itemCount and item indices, not raw IDs"
        case let .notFitted(name):
            return "\(name): recommend was called before fit"
        case let .noTrainingData(name):
            return "\(name): no training sequence has the two items a next-item example needs"
        }
    }
}

