// The root manifest's built-in entries, generated from the registration lists, so plugins.json can be
// brought up to date with one command (`idgenrec plugins --manifest > new.json && mv new.json plugins.json`) and external entries
// already in it are kept. One entry per line, so a diff shows exactly which component came or went.
extension PluginManifest {
    public static func withBuiltins(of registry: ComponentRegistry, keeping existing: PluginManifest?) -> JSONValue {
        var entries: [JSONValue] = registry.entries.filter { $0.origin == .builtin }.map { e in
            .object([("name", .string(e.name)), ("kind", .string(e.kind.rawValue)), ("builtin", .bool(true)), ("summary", .string(e.summary))])
        }
        for e in existing?.entries ?? [] where e.origin != .builtin { entries.append(e.json(relativeTo: existing!.url.deletingLastPathComponent())) }
        return .object([
            ("comment", .string("Every component this idgenrec knows: built-ins (compiled in, listed by name) and external plugins. "
                                + "Add yours with --plugins FILE; examples in Examples/plugins/plugins.json. Regenerate the built-ins with: idgenrec plugins --manifest")),
            ("plugins", .array(entries)),
        ])
    }

    /// The manifest text: top level pretty, each entry on one line as `{"name": "x", "kind": "y", …}`.
    public static func text(_ manifest: JSONValue) -> String {
        func line(_ v: JSONValue) -> String {
            guard case let .object(pairs) = v else { return v.serialized() }
            return "{" + pairs.map { JSONValue.string($0.0).serialized() + ": " + $0.1.serialized() }.joined(separator: ", ") + "}"
        }
        let comment = manifest["comment"].map { "  \"comment\": \($0.serialized()),\n" } ?? ""
        let entries = (manifest["plugins"]?.arrayValue ?? []).map { "    " + line($0) }
        return "{\n" + comment + "  \"plugins\": [\n" + entries.joined(separator: ",\n") + (entries.isEmpty ? "" : "\n") + "  ]\n}"
    }
}
