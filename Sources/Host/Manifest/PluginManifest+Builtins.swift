// The root manifest's built-in entries, generated from the registration lists, so plugins.json can be
// brought up to date with one command (`idgenrec plugins --emit-builtins > plugins.json`) and external
// entries already in it are kept.
extension PluginManifest {
    public static func withBuiltins(of registry: ComponentRegistry, keeping existing: PluginManifest?) -> JSONValue {
        var entries: [JSONValue] = registry.entries.filter { $0.origin == .builtin }.map { e in
            .object([("name", .string(e.name)), ("kind", .string(e.kind.rawValue)), ("summary", .string(e.summary)), ("builtin", .bool(true))])
        }
        for e in existing?.entries ?? [] where e.origin != .builtin { entries.append(e.json(relativeTo: existing!.url.deletingLastPathComponent())) }
        return .object([
            ("comment", .string("Every component this idgenrec knows: built-ins (compiled in, listed by name) and external plugins. "
                                + "Regenerate the built-ins with `idgenrec plugins --emit-builtins`; add yours with --plugins FILE (see Examples/plugins).")),
            ("plugins", .array(entries)),
        ])
    }
}
