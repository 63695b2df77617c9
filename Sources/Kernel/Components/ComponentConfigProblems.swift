// The problems found while decoding one config, all of them (an `Error`, so `Result` can carry it).
public struct ComponentConfigProblems: Error, CustomStringConvertible {
    public var problems: [ConfigProblem]
    public init(_ problems: [ConfigProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
