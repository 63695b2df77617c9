// The built-in user-ID strategies, one line each.
public let builtinUserIDStrategies: [ComponentRegistration] = [
    .init(kind: .userIDs, name: "none", summary: "no user ID in prompts", defaults: NoUserIDs.Config()) { NoUserIDs(config: $0) },
    .init(kind: .userIDs, name: "numeric", summary: "a number per user (atomic token or digits)", defaults: NumericUserIDs.Config()) { NumericUserIDs(config: $0) },
    .init(kind: .userIDs, name: "textual", summary: "IDGenRec: the ID generator writes each user's ID from their training-visible items",
          config: TextualUserIDs.Config.self,
          requires: [ComponentRequirement(.itemIDs, provides: .trainableIDGenerator, because: "the item-ID generator writes the user IDs")]) { try TextualUserIDs(config: $0) },
]
