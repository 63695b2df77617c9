// Errors of user-ID strategies, each naming the strategy and (for config problems) the key.
public enum UserIDError: Error, CustomStringConvertible, Equatable {
    case invalidConfig(strategy: String, key: String, problem: String)
    case needsGenerator(strategy: String)
    case needsTokenizer(strategy: String)
    case notPrepared(strategy: String, user: Int, users: Int)

    public var description: String {
        switch self {
        case let .invalidConfig(strategy, key, problem):
            return "user_ids '\(strategy)': '\(key)' \(problem)"
        case let .needsGenerator(strategy):
            return "user_ids '\(strategy)' needs an ID generator: choose item_ids 'textual' (its generator writes the user IDs too)"
        case let .needsTokenizer(strategy):
            return "user_ids '\(strategy)' needs the run's tokenizer"
        case let .notPrepared(strategy, user, users):
            return "user_ids '\(strategy)' was asked for user \(user) but holds IDs for \(users) users (prepare it with the run's users first)"
        }
    }
}
