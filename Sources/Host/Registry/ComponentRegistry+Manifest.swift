import Foundation

// Installing manifests into the registry, in order (root first, then each `--plugins FILE`): built-in
// entries must name something compiled in; external entries become components built through a bridge;
// a name already known needs `"replaces": true`, and `"replaces"` with nothing to replace is a mistake too.
extension ComponentRegistry {
    public func install(_ manifest: PluginManifest) throws {
        var problems: [ManifestError.Problem] = []
        for e in manifest.entries {
            let known = contains(e.kind, e.name)
            switch e.origin {
            case .builtin:
                if known, let existing = try? entry(e.kind, e.name), existing.origin == .builtin { markListed(e.kind, e.name) }
                else {
                    let builtins = entries.filter { $0.kind == e.kind && $0.origin == .builtin }.map(\.name)
                    problems.append(.init(entry: e.label, message: "no built-in \(e.kind.rawValue) named '\(e.name)' is compiled into this idgenrec; "
                                          + ClosestName.advice(for: e.name, among: builtins, noun: "built-in")))
                }
            case .library, .command:
                if known && !e.replaces {
                    let first = (try? entry(e.kind, e.name)).map(ComponentRegistry.where) ?? "?"
                    problems.append(.init(entry: e.label, message: "\(e.kind.rawValue) '\(e.name)' is already provided by \(first); "
                                          + "add \"replaces\": true to shadow it on purpose, or choose another name"))
                } else if !known && e.replaces {
                    problems.append(.init(entry: e.label, message: "\"replaces\": true but there is no earlier \(e.kind.rawValue) '\(e.name)' to replace; "
                                          + ClosestName.advice(for: e.name, among: names(of: e.kind))))
                } else {
                    try? add(externalEntry(e, manifest: manifest.url), replacing: e.replaces)
                }
            }
        }
        if !problems.isEmpty { throw ManifestError(file: manifest.url.path, problems: problems) }
    }

    func externalEntry(_ e: ManifestEntry, manifest: URL) -> ComponentEntry {
        let schema = e.config.map { ConfigSchema(defaults: $0) } ?? .open
        var entry = ComponentEntry(kind: e.kind, name: e.name, summary: e.summary, origin: e.origin, manifest: manifest, schema: schema,
                                   provides: e.provides.union(e.kind == .itemIDs ? [.tokenSequenceIDs] : []),
                                   timeoutSeconds: e.timeoutSeconds, check: { schema.check($0) }, build: { _ in () })
        let pool = bridges
        let described = entry
        entry.build = { params in
            let merged = ConfigCodec.overlay(params, on: schema.defaults)
            let component = ExternalComponent(kind: e.kind, name: e.name, params: merged) { try pool.bridge(for: described) }
            switch e.kind {
            case .itemIDs: return ExternalItemIDStrategy(component)
            case .userIDs: return ExternalUserIDStrategy(component)
            case .metric: return ExternalMetric(component)
            case .prompt: return ExternalPromptFormat(component)
            case .reporter: return ExternalRunReporter(component)
            default: return component
            }
        }
        return entry
    }
}
