// One supervised example of next-item prediction: what the user had at prediction time and what came next.
//
// Legend: L history length (≤ max_history).

public struct Sample: Sendable, Equatable {
    public var user: Int            // index into Interactions.userIDs
    public var history: [Int]       // [L] item indices visible at prediction time, oldest first
    public var target: Int          // item index to predict
    public var position: Int        // index of `target` in the user's full sequence (what leakage checks use)

    public init(user: Int, history: [Int], target: Int, position: Int) {
        self.user = user
        self.history = history
        self.target = target
        self.position = position
    }
}
