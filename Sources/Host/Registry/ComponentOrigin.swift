import Foundation

// Where a component lives (the manifest's `builtin` | `library` | `command`).
public enum ComponentOrigin: Equatable, CustomStringConvertible {
    case builtin
    /// A shared object speaking the C ABI of include/idgenrec_plugin.h (absolute path).
    case library(URL)
    /// A subprocess speaking the same messages as JSON lines; started in `directory` (the manifest's folder).
    case command(argv: [String], directory: URL)

    public var isExternal: Bool { self != .builtin }

    public var description: String {
        switch self {
        case .builtin: return "builtin"
        case let .library(url): return "library \(url.path)"
        case let .command(argv, _): return "command \(argv.joined(separator: " "))"
        }
    }
}
