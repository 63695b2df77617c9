// Every problem of an experiment, found before any work starts and reported together ("a bad graph costs the
// user one second, not one hour").
public struct ValidationReport: Error, CustomStringConvertible {
    public var file: String
    public var problems: [ValidationProblem]

    public init(file: String, problems: [ValidationProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String {
        let head = "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s") (nothing was run):"
        return ([head] + problems.map { "  - \($0)" }).joined(separator: "\n")
    }
}
