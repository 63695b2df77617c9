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

/// Stands in for a learned generator: conforming to `TrainableIDGenerator` is what gives it the capability.
struct GeneratedIDs: TrainableIDGenerator {
    struct Config: ComponentConfig { var idLength = 3; var diversityPenalty = 1.0 }
    let config: Config
    var generator: T5Model? { nil }
    func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        ItemIDAssignment(ids: input.catalog.map { $0.text.split(separator: " ").prefix(config.idLength).joined(separator: " ") + " \($0.rawID)" })
    }
    func generatorInputs(catalog: [CatalogItem], tokenizer: TextTokenizer) -> [[Int]] { [] }
    func regenerate(with generator: T5Model, input: ItemIDInput) throws -> ItemIDAssignment { try assign(input) }
    func adopt(_ ids: [String]) {}
}

/// Claims the generator capability on the registration line without conforming: the registry withholds it.
struct ClaimedGeneratedIDs: ItemIDStrategy, DeclaresCapabilities {
    static var provides: Set<Capability> { [.trainableIDGenerator] }
    func assign(_ input: ItemIDInput) throws -> ItemIDAssignment { ItemIDAssignment(ids: input.catalog.map(\.rawID)) }
}

/// A trainer stand-in: conforming to `Trainer` is what lets validation accept it in the trainer stage.
final class StandInTrainer<C: Codable>: Trainer {
    let config: C
    init(config: C) { self.config = config }
    func train(_ session: TrainingSession) throws -> TrainingOutcome { TrainingOutcome(seconds: 0, samplesPerSecond: 0, stepsDone: 0) }
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
    .init(name: "claimed", summary: "declares a generator it does not have", config: NoConfig.self) { _ in ClaimedGeneratedIDs() },
    .init(kind: .trainer, name: "recommender", summary: "trains the recommender", config: TrainerConfig.self) { StandInTrainer(config: $0) },
    .init(kind: .trainer, name: "alternate", summary: "alternates generator and recommender", config: TrainerConfig.self,
          requires: [ComponentRequirement(.itemIDs, provides: .trainableIDGenerator, because: "alternate training updates the ID generator")]) { StandInTrainer(config: $0) },
    .init(kind: .trainer, name: "warm-up", summary: "trains something other than the recommender", config: TrainerConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .decoder, name: "trie-beam", summary: "beam search over the ID trie", config: DecoderConfig.self,
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds the IDs' token sequences")]) { ConfiguredStage(config: $0) },
    .init(kind: .metric, name: "hr@k", summary: "hit rate at k", config: MetricConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .metric, name: "ndcg@k", summary: "NDCG at k", config: MetricConfig.self) { ConfiguredStage(config: $0) },
    .init(kind: .reporter, name: "table", summary: "a text table", config: NoConfig.self) { ConfiguredStage(config: $0) },
]
