import Foundation

// A plugins.json: the components the host knows and where each lives. The repository's root manifest lists
// the built-ins; a user's `--plugins FILE` adds theirs on top. Format:
//
//   {"plugins": [
//     {"name": "textual", "kind": "item-ids", "summary": "IDGenRec learned textual IDs", "builtin": true},
//     {"name": "hashed-ngrams", "kind": "item-ids", "summary": "…", "library": "build/libhashed_ngrams.so",
//      "config": {"n": 2, "code_length": 3}},
//     {"name": "title-words", "kind": "item-ids", "summary": "…", "command": ["python3", "title_words.py"],
//      "timeout_seconds": 60},
//     {"name": "textual", "kind": "item-ids", "summary": "my variant", "command": […], "replaces": true}
//   ]}
//
// Paths (library, and the command's working directory) are relative to the manifest's folder. Loading
// collects every problem in the file before failing, each naming its entry.
public struct PluginManifest {
    public var url: URL
    public var entries: [ManifestEntry]

    /// Kinds whose data are small enough to cross a JSON bridge (ARCHITECTURE.md); models, trainers and
    /// decoders stay in-process Swift.
    public static let externalKinds: [ComponentKind] = [.itemIDs, .userIDs, .metric, .prompt, .reporter]
    static let entryKeys = ["name", "kind", "summary", "builtin", "library", "command", "replaces", "config", "provides", "timeout_seconds"]

    public static func load(_ url: URL) throws -> PluginManifest {
        let file = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ManifestError(file: file, problems: [.init(entry: nil, message: "cannot read the manifest (\(error.localizedDescription))")])
        }
        let json: JSONValue
        do { json = try JSONValue.parse(text, source: file) } catch let e as JSONParseError {
            throw ManifestError(file: file, problems: [.init(entry: nil, message: "line \(e.line), column \(e.column): invalid JSON: \(e.reason)")])
        }
        return try parse(json, url: url)
    }

    public static func parse(_ json: JSONValue, url: URL) throws -> PluginManifest {
        var problems: [ManifestError.Problem] = []
        guard case let .object(top) = json else {
            throw ManifestError(file: url.path, problems: [.init(entry: nil, message: "expected a JSON object {\"plugins\": [...]}, found \(json.typeName)")])
        }
        for (k, _) in top where k != "plugins" && k != "comment" {
            problems.append(.init(entry: nil, message: "unknown top-level key '\(k)'; " + ClosestName.advice(for: k, among: ["plugins", "comment"], noun: "allowed")))
        }
        guard let list = json["plugins"]?.arrayValue else {
            problems.append(.init(entry: nil, message: json["plugins"] == nil ? "missing the \"plugins\" array" : "\"plugins\" must be an array of entries, found \(json["plugins"]!.typeName)"))
            throw ManifestError(file: url.path, problems: problems)
        }
        var entries: [ManifestEntry] = []
        var seen: [String: Int] = [:]
        let folder = url.deletingLastPathComponent()
        for (i, raw) in list.enumerated() {
            var entryProblems: [String] = []
            let parsed = parseEntry(raw, position: i + 1, folder: folder, problems: &entryProblems)
            let label = "entry \(i + 1)" + (raw["name"]?.stringValue.map { " ('\($0)')" } ?? "")
            problems += entryProblems.map { .init(entry: label, message: $0) }
            guard let e = parsed, entryProblems.isEmpty else { continue }
            let key = e.kind.rawValue + "/" + e.name
            if let first = seen[key] {
                problems.append(.init(entry: label, message: "\(e.kind.rawValue) '\(e.name)' is already listed by entry \(first) of this file; remove one"))
                continue
            }
            seen[key] = e.position
            entries.append(e)
        }
        if !problems.isEmpty { throw ManifestError(file: url.path, problems: problems) }
        return PluginManifest(url: url, entries: entries)
    }
}
