import Foundation

// Errors of the name → component table; each reads as advice.
public enum RegistryError: Error, CustomStringConvertible, Equatable {
    case duplicate(kind: ComponentKind, name: String, first: String, second: String)
    case unknown(kind: ComponentKind, name: String, known: [String])
    case badSchema(kind: ComponentKind, name: String, reason: String)
    case wrongProduct(kind: ComponentKind, name: String, expected: String, got: String)

    public var description: String {
        switch self {
        case let .duplicate(kind, name, first, second):
            return "duplicate \(kind.rawValue) name '\(name)': registered by \(first) and again by \(second); "
                + "rename one, or mark the later manifest entry \"replaces\": true to shadow on purpose"
        case let .unknown(kind, name, known):
            return "unknown \(kind.rawValue) '\(name)': " + ClosestName.advice(for: name, among: known)
        case let .badSchema(kind, name, reason):
            return "\(kind.rawValue) '\(name)' cannot be registered: \(reason)"
        case let .wrongProduct(kind, name, expected, got):
            return "\(kind.rawValue) '\(name)' built a \(got), which is not a \(expected); fix its registration line"
        }
    }
}
