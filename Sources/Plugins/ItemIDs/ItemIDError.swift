// Errors an item-ID strategy raises, written as advice: what is wrong, where, and what to do.
public enum ItemIDError: Error, CustomStringConvertible, Equatable {
    case noCategories(strategy: String)
    case invalidConfig(strategy: String, key: String, problem: String)
    case indistinguishable(strategy: String, id: String)
    case itemOutOfRange(strategy: String, user: Int, item: Int, catalogSize: Int)

    public var description: String {
        switch self {
        case .noCategories(let strategy):
            return "item-ids '\(strategy)': no item has categories (neither a 'categories' field nor "
                + "'categories: …' in its text). Use a dataset that has them (e.g. Amazon, Yelp) or choose "
                + "another strategy such as 'collaborative' or 'title'."
        case .invalidConfig(let strategy, let key, let problem):
            return "item-ids '\(strategy)': config key '\(key)' \(problem)"
        case .itemOutOfRange(let strategy, let user, let item, let size):
            return "item-ids '\(strategy)': training sequence of user \(user) holds item index \(item), but the catalog "
                + "has \(size) items (0..<\(size)); the dataset's sequences and item file disagree"
        case .indistinguishable(let strategy, let id):
            return "item-ids '\(strategy)': the tokenizer encodes '\(id)' and every numbered variant of it to "
                + "token sequences other items already have (digits unknown to the vocabulary?); use a tokenizer "
                + "that can spell digits or an atomic-token strategy"
        }
    }
}
