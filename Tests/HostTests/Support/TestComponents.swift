import IDGenHost

/// Test-only components for registry and validation tests (the real ones register in Sources/Plugins).
/// Each is small but real: the ID doubles assign unique IDs, the others only carry their config.
struct IndexIDs: ItemIDStrategy {
    struct Config: ComponentConfig, Equatable { var prefix = "item" }
    let config: Config
    func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        ItemIDAssignment(ids: input.catalog.indices.map { "\(config.prefix) \($0)" })
    }
}

struct GeneratedIDs: ItemIDStrategy, DeclaresCapabilities {
    struct Config: ComponentConfig { var idLength = 3; var diversityPenalty = 1.0 }
    static var provides: Set<Capability> { [.trainableIDGenerator] }
    let config: Config
    func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        ItemIDAssignment(ids: input.catalog.map { $0.text.split(separator: " ").prefix(config.idLength).joined(separator: " ") + " \($0.rawID)" })
    }
}

struct ConfiguredStage<C: Codable> { let config: C }

struct DatasetConfig: ComponentConfig { var path = ""; var minUserLength = 3 }
struct TrainerConfig: ComponentConfig { var rounds = 3; var learningRate = 1e-3 }
struct DecoderConfig: ComponentConfig { var beamSize = 20; var maxLength = 12 }
struct MetricConfig: ComponentConfig { var k = 10 }

let testRegistrations: [ComponentRegistration] = [
    .init(name: "index", summary: "item <n>", config: IndexIDs.Config.self) { IndexIDs(config: $0) },
    .init(name: "generated", summary: "stand-in for a learned generator", config: GeneratedIDs.Config.self) { GeneratedIDs(config: $0) },
    .init(kind: .dataset, name: "folder", summary: "an IDGenRec dataset folder", config: DatasetConfig.self,
          provides: [.itemText], inputFiles: ["path"]) { ConfiguredStage(config: $0) },
    .init(kind: .trainer, name: "recommender", summary: "trains the recommender", config: TrainerConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .trainer, name: "alternate", summary: "alternates generator and recommender", config: TrainerConfig.self,
          requires: [ComponentRequirement(.itemIDs, provides: .trainableIDGenerator, because: "alternate training updates the ID generator")]) { ConfiguredStage(config: $0) },
    .init(kind: .decoder, name: "trie-beam", summary: "beam search over the ID trie", config: DecoderConfig.self,
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds the IDs' token sequences")]) { ConfiguredStage(config: $0) },
    .init(kind: .metric, name: "hr@k", summary: "hit rate at k", config: MetricConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .metric, name: "ndcg@k", summary: "NDCG at k", config: MetricConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .reporter, name: "table", summary: "a text table", config: NoConfig.self) { ConfiguredStage(config: $0) },
]
