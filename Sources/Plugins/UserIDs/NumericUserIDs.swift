// `numeric` user IDs (P5): one atomic token per user, `<user_17>`, or P5's digit text ("user_17" tokenized by
// the tokenizer into shared number pieces). Depends on the user index only, so it cannot leak a target.
public struct NumericUserIDs: UserIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// `atomic`: one added token per user; `digits`: plain text tokenized by the tokenizer (P5's way).
        public var rendering: NumberRendering = .atomic
        /// The first number given (P5 numbered users from 1).
        public var firstNumber: Int = 1

        public init() {}
        public init(rendering: NumberRendering = .atomic, firstNumber: Int = 1) {
            self.rendering = rendering
            self.firstNumber = firstNumber
        }
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func addedTokens(userCount: Int) -> [String] {
        guard config.rendering == .atomic else { return [] }
        return (0..<userCount).map { "<user_\($0 + config.firstNumber)>" }
    }

    public func userID(_ input: UserIDInput) throws -> String {
        let n = input.userIndex + config.firstNumber
        switch config.rendering {
        case .atomic: return "<user_\(n)>"
        case .digits: return "user_\(n)"
        }
    }
}
