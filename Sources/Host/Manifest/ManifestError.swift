import Foundation

// Everything wrong with one manifest file, each problem naming the entry (position and name) it is about.
public struct ManifestError: Error, CustomStringConvertible {
    public struct Problem: Equatable, CustomStringConvertible {
        /// "entry 3 ('title-words')", or nil for the file as a whole.
        public var entry: String?
        public var message: String
        public var description: String { entry.map { "\($0): \(message)" } ?? message }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String { problems.map { "\(file): \($0)" }.joined(separator: "\n") }
}
