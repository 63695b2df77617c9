// The `user-ids` component: the user token sequence that opens a prompt (P5's "user_23", IDGenRec's textual
// user IDs). It sees only what is visible at that prediction — the history before the target — because the
// released IDGenRec code built user IDs from the full sequence, test item included (upstream issue #1).
//
// Legend: N items, L visible history length.

/// What a user-ID strategy may see for one prediction.
public struct UserIDInput {
    public var userIndex: Int                  // dense user index
    public var visibleItems: [Int]             // [L] item indices before the target, oldest first
    public var itemIDs: [String]               // [N] the item IDs in force (for strategies built from them)
    public var catalog: [CatalogItem]          // [N]

    public init(userIndex: Int, visibleItems: [Int], itemIDs: [String] = [], catalog: [CatalogItem] = []) {
        self.userIndex = userIndex
        self.visibleItems = visibleItems
        self.itemIDs = itemIDs
        self.catalog = catalog
    }
}

public protocol UserIDStrategy {
    /// Atomic tokens the strategy needs in the vocabulary for `userCount` users (none by default).
    func addedTokens(userCount: Int) -> [String]
    /// The user's ID text for this prediction; the empty string means "no user ID in the prompt".
    func userID(_ input: UserIDInput) throws -> String
}

extension UserIDStrategy {
    public func addedTokens(userCount: Int) -> [String] { [] }
}
