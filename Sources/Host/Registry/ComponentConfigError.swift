// All problems with one component's parameters, naming the entry they belong to
// (e.g. "item-ids 'textual'" or "stage item_ids of exp.json").
public struct ComponentConfigError: Error, CustomStringConvertible {
    public var entry: String
    public var problems: [ConfigProblem]

    public init(entry: String, problems: [ConfigProblem]) {
        self.entry = entry
        self.problems = problems
    }

    public var description: String { problems.map { "\(entry): \($0)" }.joined(separator: "\n") }
}
