// Errors of the comparison report: each names the file or variant it is about and what to do.

public enum ReportError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case badResults(file: String, path: String, reason: String)
    case unknownVariant(String, known: [String])
    case noVariants

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read comparison results \(file): \(reason)"
        case let .badResults(file, path, reason):
            return "comparison results \(file)\(path.isEmpty ? "" : " at \(path)"): \(reason)"
        case let .unknownVariant(name, known):
            return "reference variant '\(name)' is not among the variants; known: \(known.joined(separator: ", "))"
        case .noVariants:
            return "a comparison report needs at least one variant"
        }
    }
}
