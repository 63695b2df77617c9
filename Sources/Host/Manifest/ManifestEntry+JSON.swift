import Foundation

// A manifest entry written back as JSON (paths relative to the manifest's folder again).
extension ManifestEntry {
    public func json(relativeTo folder: URL) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(name)), ("kind", .string(kind.rawValue)), ("summary", .string(summary))]
        switch origin {
        case .builtin: pairs.append(("builtin", .bool(true)))
        case let .library(url):
            let base = folder.standardizedFileURL.path + "/"
            pairs.append(("library", .string(url.path.hasPrefix(base) ? String(url.path.dropFirst(base.count)) : url.path)))
        case let .command(argv, _): pairs.append(("command", .array(argv.map { .string($0) })))
        }
        if replaces { pairs.append(("replaces", .bool(true))) }
        if let config { pairs.append(("config", config)) }
        if !provides.isEmpty { pairs.append(("provides", .array(provides.map(\.rawValue).sorted().map { .string($0) }))) }
        if timeoutSeconds != ComponentEntry.defaultTimeout { pairs.append(("timeout_seconds", .double(timeoutSeconds))) }
        return .object(pairs)
    }
}
