// Registration forms whose kind follows from what the factory returns, so a family's list reads
//   .init(name: "sequential", summary: "…", config: SequentialIDs.Config.self) { SequentialIDs(config: $0) }
// Item-ID strategies always provide token-sequence IDs: the pipeline tokenizes every ID string.
extension ComponentRegistration {
    public init<Config: ComponentConfig, S: ItemIDStrategy>(name: String, summary: String, config: Config.Type,
                                                            provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                                            inputFiles: [String] = [], make: @escaping (Config) throws -> S) {
        self.init(kind: .itemIDs, name: name, summary: summary, defaults: Config(), provides: provides.union([.tokenSequenceIDs]),
                  requires: requires, inputFiles: inputFiles, make: make)
    }

    public init<Config: Codable, S: ItemIDStrategy>(name: String, summary: String, defaults: Config,
                                                    provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                                    inputFiles: [String] = [], make: @escaping (Config) throws -> S) {
        self.init(kind: .itemIDs, name: name, summary: summary, defaults: defaults, provides: provides.union([.tokenSequenceIDs]),
                  requires: requires, inputFiles: inputFiles, make: make)
    }

    public init<Config: ComponentConfig, T: TextTokenizer>(name: String, summary: String, config: Config.Type,
                                                           provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                                           inputFiles: [String] = [], make: @escaping (Config) throws -> T) {
        self.init(kind: .tokenizer, name: name, summary: summary, defaults: Config(), provides: provides,
                  requires: requires, inputFiles: inputFiles, make: make)
    }

    public init<Config: Codable, T: TextTokenizer>(name: String, summary: String, defaults: Config,
                                                   provides: Set<Capability> = [], requires: [ComponentRequirement] = [],
                                                   inputFiles: [String] = [], make: @escaping (Config) throws -> T) {
        self.init(kind: .tokenizer, name: name, summary: summary, defaults: defaults, provides: provides,
                  requires: requires, inputFiles: inputFiles, make: make)
    }
}
