import Foundation

// One component the host knows: a built-in registration or an external plugin from a manifest, with
// everything validation and the `plugins` listing need, and how to build it.
public struct ComponentEntry {
    public var kind: ComponentKind
    public var name: String
    public var summary: String
    public var origin: ComponentOrigin
    /// The manifest that listed it (nil for a built-in not listed in any manifest).
    public var manifest: URL?
    public var schema: ConfigSchema
    public var provides: Set<Capability>
    public var requires: [ComponentRequirement]
    public var inputFiles: [String]
    /// Per-call timeout for command plugins.
    public var timeoutSeconds: Double
    public var check: (JSONValue) -> [ConfigProblem]
    public var build: (JSONValue) throws -> Any

    public init(kind: ComponentKind, name: String, summary: String, origin: ComponentOrigin, manifest: URL? = nil,
                schema: ConfigSchema, provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                inputFiles: [String] = [], timeoutSeconds: Double = ComponentEntry.defaultTimeout,
                check: @escaping (JSONValue) -> [ConfigProblem], build: @escaping (JSONValue) throws -> Any) {
        self.kind = kind
        self.name = name
        self.summary = summary
        self.origin = origin
        self.manifest = manifest
        self.schema = schema
        self.provides = provides
        self.requires = requires
        self.inputFiles = inputFiles
        self.timeoutSeconds = timeoutSeconds
        self.check = check
        self.build = build
    }

    public static let defaultTimeout = 120.0

    public init(_ r: ComponentRegistration) {
        self.init(kind: r.kind, name: r.name, summary: r.summary, origin: .builtin, schema: r.schema,
                  provides: r.provides, requires: r.requires, inputFiles: r.inputFiles, check: r.check, build: r.build)
    }

    /// "item-ids 'textual'" — how errors name a component.
    public var label: String { "\(kind.rawValue) '\(name)'" }
}
