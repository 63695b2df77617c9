// One problem found while validating an experiment, naming where it is ("item_ids", "metrics[2]", "seed",
// "--set budget.step") and reading as advice.
public struct ValidationProblem: Error, Equatable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
