// One evaluated user: what the decoder returned and where the held-out item landed.
//
// Legend: k items returned.
public struct PerUserResult: Equatable, Sendable {
    public var user: String
    public var target: Int
    public var rank: Int?          // 1-based position of the target in `items`; nil when not returned
    public var items: [Int]        // [≤ k] best first
    public var scores: [Float]     // [≤ k]
    public var exhausted: Bool     // the decoder returned fewer items than asked

    public init(user: String, target: Int, rank: Int?, items: [Int], scores: [Float], exhausted: Bool) {
        self.user = user
        self.target = target
        self.rank = rank
        self.items = items
        self.scores = scores
        self.exhausted = exhausted
    }
}
