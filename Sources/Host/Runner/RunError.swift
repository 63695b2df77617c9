// A run that cannot go on: which stage, what happened, what to do.
public struct RunError: Error, CustomStringConvertible {
    public var stage: String
    public var message: String
    public init(stage: String, _ message: String) { self.stage = stage; self.message = message }
    public var description: String { "\(stage): \(message)" }
}
