import Foundation

// The host's table of components: name → (kind, summary, config schema, capabilities, factory), per kind.
// Starts from the built-in registration lists (duplicates fail here, at start-up), then manifests add
// external plugins on top (`ComponentRegistry+Manifest.swift`). Like mlx-swift-lm's model registry, an
// unknown name throws with the closest known name and the list.
public final class ComponentRegistry {
    public private(set) var entries: [ComponentEntry] = []
    /// Built-ins named by some manifest (the rest are listed with a note by `plugins --check`).
    public private(set) var listedBuiltins: Set<String> = []
    /// External plugin processes and libraries opened during this run (started once, reused).
    public let bridges = BridgePool()
    /// The manifests installed, in order (for listings and run records).
    public internal(set) var manifests: [URL] = []

    public init(registrations: [ComponentRegistration]) throws {
        for r in registrations {
            if let reason = r.schemaError { throw RegistryError.badSchema(kind: r.kind, name: r.name, reason: reason) }
            try add(ComponentEntry(r))
        }
    }

    /// The registry of everything compiled into this build.
    public static func builtins() throws -> ComponentRegistry {
        try ComponentRegistry(registrations: BuiltinComponents.all)
    }

    static func key(_ kind: ComponentKind, _ name: String) -> String { kind.rawValue + "/" + name }

    func index(_ kind: ComponentKind, _ name: String) -> Int? {
        entries.firstIndex { $0.kind == kind && $0.name == name }
    }

    /// Adds an entry; a second entry of the same kind and name is an error unless `replacing`.
    public func add(_ entry: ComponentEntry, replacing: Bool = false) throws {
        if let i = index(entry.kind, entry.name) {
            guard replacing else {
                throw RegistryError.duplicate(kind: entry.kind, name: entry.name, first: ComponentRegistry.where(entries[i]),
                                              second: ComponentRegistry.where(entry))
            }
            entries[i] = entry
        } else {
            entries.append(entry)
        }
    }

    static func `where`(_ e: ComponentEntry) -> String {
        if let m = e.manifest { return "\(m.lastPathComponent) (\(e.origin))" }
        return e.origin == .builtin ? "the built-in registration lists" : e.origin.description
    }

    func markListed(_ kind: ComponentKind, _ name: String) { listedBuiltins.insert(ComponentRegistry.key(kind, name)) }
    public func isListed(_ e: ComponentEntry) -> Bool { e.origin.isExternal || listedBuiltins.contains(ComponentRegistry.key(e.kind, e.name)) }

    public func names(of kind: ComponentKind) -> [String] { entries.filter { $0.kind == kind }.map(\.name) }

    public func contains(_ kind: ComponentKind, _ name: String) -> Bool { index(kind, name) != nil }

    public func entry(_ kind: ComponentKind, _ name: String) throws -> ComponentEntry {
        guard let i = index(kind, name) else { throw RegistryError.unknown(kind: kind, name: name, known: names(of: kind)) }
        return entries[i]
    }

    /// Builds a component from its parameters (problems with them are thrown, all at once, naming the entry).
    public func make(_ kind: ComponentKind, _ name: String, params: JSONValue = .object([])) throws -> Any {
        let e = try entry(kind, name)
        let problems = e.check(params)
        if !problems.isEmpty { throw ComponentConfigError(entry: e.label, problems: problems) }
        return try e.build(params)
    }

    /// Builds and checks the product's type, e.g. `make(ItemIDStrategy.self, .itemIDs, "textual")`.
    public func make<T>(_ type: T.Type, _ kind: ComponentKind, _ name: String, params: JSONValue = .object([])) throws -> T {
        let product = try make(kind, name, params: params)
        guard let typed = product as? T else {
            throw RegistryError.wrongProduct(kind: kind, name: name, expected: "\(T.self)", got: "\(Swift.type(of: product))")
        }
        return typed
    }
}
