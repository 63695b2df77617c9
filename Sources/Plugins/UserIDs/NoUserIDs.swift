// `none` user IDs: prompts carry no user identifier (IDGenRec's sequential task works from the history alone).
public struct NoUserIDs: UserIDStrategy {
    public struct Config: Codable, Equatable {
        public init() {}
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func userID(_ input: UserIDInput) throws -> String { "" }
}
