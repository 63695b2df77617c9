// The `user-ids` component: the user token sequence that opens a prompt (P5's "user_23", IDGenRec's textual
// user IDs). It sees only what is visible at that prediction — the history before the target — because the
// released IDGenRec code built user IDs from the full sequence, test item included (upstream issue #1).
// A strategy that builds one ID per user (textual) does so once per run in `prepare`, from each user's
// training-visible items; it says which items it read (`itemsRead`) so the leakage lint can check them.
//
// Legend: N items, U users, L visible history length.

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

/// What a per-user strategy sees once per run, before any `userID(_:)`.
public struct UserIDPreparation {
    public var trainingSequences: [[Int]]      // [U] each user's items before their first evaluated position
    public var fullSequences: [[Int]]          // [U] whole sequences: only a strategy reproducing a leak reads them
    public var itemIDs: [String]               // [N] the item IDs in force
    public var catalog: [CatalogItem]          // [N]
    public var tokenizer: TextTokenizer?
    /// The item-ID strategy's trainable generator, when it has one (IDGenRec's ID generator).
    public var idGenerator: T5Model?
    public var seed: UInt64

    public init(trainingSequences: [[Int]], fullSequences: [[Int]], itemIDs: [String], catalog: [CatalogItem],
                tokenizer: TextTokenizer?, idGenerator: T5Model?, seed: UInt64) {
        self.trainingSequences = trainingSequences
        self.fullSequences = fullSequences
        self.itemIDs = itemIDs
        self.catalog = catalog
        self.tokenizer = tokenizer
        self.idGenerator = idGenerator
        self.seed = seed
    }
}

public protocol UserIDStrategy {
    /// Atomic tokens the strategy needs in the vocabulary for `userCount` users (none by default).
    func addedTokens(userCount: Int) -> [String]
    /// Once per run, before any `userID(_:)` (strategies that work per prediction ignore it).
    func prepare(_ input: UserIDPreparation) throws
    /// The user's ID text for this prediction; the empty string means "no user ID in the prompt".
    func userID(_ input: UserIDInput) throws -> String
    /// [U] the items each user's ID was built from, or nil when the ID reads none (or only the prediction's
    /// visible history). The leakage lint flags any validation/test target among them.
    var itemsRead: [[Int]]? { get }
    /// Non-nil only when the config knowingly reproduces a leak (named option, for reproduction): the lint
    /// then reports the leak as a warning carrying this explanation instead of stopping the run.
    var declaredLeak: String? { get }
}

extension UserIDStrategy {
    public func addedTokens(userCount: Int) -> [String] { [] }
    public func prepare(_ input: UserIDPreparation) throws {}
    public var itemsRead: [[Int]]? { nil }
    public var declaredLeak: String? { nil }
}
