// One prediction to evaluate: a user's prompt (tokenized), the held-out item, and the items the user had
// seen (for optional exclusion; the reference excludes nothing).
//
// Legend: T prompt tokens, L history length.
public struct EvaluationSample: Equatable, Sendable {
    public var user: String        // raw user id, as written to per_user.csv
    public var input: [Int]        // [T] prompt token ids
    public var target: Int         // item index of the held-out item
    public var history: [Int]      // [L] item indices visible at this prediction

    public init(user: String, input: [Int], target: Int, history: [Int] = []) {
        self.user = user
        self.input = input
        self.target = target
        self.history = history
    }
}
