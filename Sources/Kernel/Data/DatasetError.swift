// Errors of the data layer (loaders, splits, prompt files). Each names the file and line it is about and
// reads as advice, so a bad dataset costs the user one look, not a debugging session (STYLE.md habit 7).
import Foundation

public enum DatasetError: Error, CustomStringConvertible, Equatable {
    /// A line the loader cannot read. `line` is 1-based.
    case malformedLine(file: String, line: Int, reason: String)
    /// A required file is missing or unreadable.
    case cannotOpen(file: String, reason: String)
    /// The file (or the whole dataset) holds nothing usable.
    case empty(file: String, reason: String)
    /// A split or component needs something this dataset does not have (e.g. timestamps).
    case unsupported(dataset: String, reason: String)
    /// A configuration value that cannot work (e.g. k-core 0).
    case invalidConfig(component: String, reason: String)

    public var description: String {
        switch self {
        case let .malformedLine(file, line, reason):
            return "\(file):\(line): \(reason) (fix the line, or set on_bad_line: skip to skip and count such lines)"
        case let .cannotOpen(file, reason): return "\(file): cannot open: \(reason)"
        case let .empty(file, reason): return "\(file): \(reason)"
        case let .unsupported(dataset, reason): return "dataset '\(dataset)': \(reason)"
        case let .invalidConfig(component, reason): return "\(component): \(reason)"
        }
    }
}

extension DatasetError: LocalizedError {
    public var errorDescription: String? { description }
}

/// What a loader does with a line it cannot read: stop with an error naming file and line (the default), or
/// skip it and count it in `Interactions.notes` (the run report) — never silently.
public enum BadLinePolicy: String, Codable, Sendable, CaseIterable {
    case error
    case skip
}

/// Counts skipped lines per file for the run report, and throws when the policy is `.error`.
public struct BadLineLedger {
    public let policy: BadLinePolicy
    public private(set) var skipped: [(file: String, count: Int, first: String)] = []

    public init(policy: BadLinePolicy) { self.policy = policy }

    /// Reports a bad line: throws under `.error`, counts it under `.skip`.
    public mutating func bad(file: String, line: Int, reason: String) throws {
        let error = DatasetError.malformedLine(file: file, line: line, reason: reason)
        guard policy == .skip else { throw error }
        if let i = skipped.firstIndex(where: { $0.file == file }) {
            skipped[i].count += 1
        } else {
            skipped.append((file, 1, "\(file):\(line): \(reason)"))
        }
    }

    public var totalSkipped: Int { skipped.reduce(0) { $0 + $1.count } }

    /// One note per file with skipped lines, naming the first one.
    public var notes: [String] {
        skipped.map { "skipped \($0.count) malformed line(s) in \(($0.file as NSString).lastPathComponent); first: \($0.first)" }
    }
}
