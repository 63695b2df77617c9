// The built-in user-ID strategies, one line each.
public let builtinUserIDStrategies: [ComponentRegistration] = [
    .init(kind: .userIDs, name: "none", summary: "no user ID in prompts", defaults: NoUserIDs.Config()) { NoUserIDs(config: $0) },
    .init(kind: .userIDs, name: "numeric", summary: "a number per user (atomic token or digits)", defaults: NumericUserIDs.Config()) { NumericUserIDs(config: $0) },
]
