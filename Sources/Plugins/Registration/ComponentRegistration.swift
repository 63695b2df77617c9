// One line of a family's registration list: a built-in component's name, kind, one-line summary, config
// (defaults → schema), what it provides and requires, and how to build it from its decoded config.
// No reflection: the host knows exactly the components listed in `BuiltinComponents.all`.
public struct ComponentRegistration {
    public let kind: ComponentKind
    public let name: String
    public let summary: String
    /// Keys, defaults and JSON types of the config; nil with `schemaError` set if the defaults do not encode.
    public let schema: ConfigSchema
    public let schemaError: String?
    public let provides: Set<Capability>
    public let requires: [ComponentRequirement]
    /// Config keys whose values are input files that must exist before a run starts.
    public let inputFiles: [String]
    /// All problems with a parameter object (unknown keys, types, values the config rejects).
    public let check: (JSONValue) -> [ConfigProblem]
    /// Builds the component from a parameter object (already checked).
    public let build: (JSONValue) throws -> Any

    /// The general form, for any kind: `defaults` is the config with every parameter at its default.
    public init<Config: Codable, Product>(kind: ComponentKind, name: String, summary: String, defaults: Config,
                                          provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                          inputFiles: [String] = [], make: @escaping (Config) throws -> Product) {
        self.kind = kind
        self.name = name
        self.summary = summary
        do {
            self.schema = try ConfigCodec.schema(defaults: defaults)
            self.schemaError = nil
        } catch {
            self.schema = .open
            self.schemaError = "the defaults of \(Config.self) cannot be encoded: \(error)"
        }
        let declared = Product.self as? DeclaresCapabilities.Type
        // Protocol-backed capabilities follow the type, whatever a registration line says.
        let backed = Capability.backedByProtocols(Product.self)
        self.provides = provides.union(declared?.provides ?? []).subtracting(backed.withheld).union(backed.granted)
        self.requires = requires + (declared?.requires ?? []).filter { !requires.contains($0) }
        self.inputFiles = inputFiles
        self.check = { params in
            if case let .failure(e) = ConfigCodec.decode(Config.self, from: params, defaults: defaults) { return e.problems }
            return []
        }
        self.build = { params in
            switch ConfigCodec.decode(Config.self, from: params, defaults: defaults) {
            case let .success(config): return try make(config)
            case let .failure(e): throw e
            }
        }
    }

    /// Any kind, with a `ComponentConfig` whose `init()` gives the defaults.
    public init<Config: ComponentConfig, Product>(kind: ComponentKind, name: String, summary: String, config: Config.Type,
                                                  provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                                  inputFiles: [String] = [], make: @escaping (Config) throws -> Product) {
        self.init(kind: kind, name: name, summary: summary, defaults: Config(), provides: provides, requires: requires,
                  inputFiles: inputFiles, make: make)
    }
}
