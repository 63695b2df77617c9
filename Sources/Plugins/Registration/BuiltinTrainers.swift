// The built-in trainers, one line each.
public let builtinTrainers: [ComponentRegistration] = [
    .init(kind: .trainer, name: "recommender", summary: "teacher-forced prompt → item ID training with validation and early stopping",
          defaults: RecommenderTrainer.Config()) { RecommenderTrainer(config: $0) },
    .init(kind: .trainer, name: "id-generator", summary: "supervised item text → ID training of the ID generator", config: IDGeneratorTrainer.Config.self) { try IDGeneratorTrainer(config: $0) },
    .init(kind: .trainer, name: "alternate", summary: "IDGenRec alternate training: ID generator through soft IDs, then recommender",
          defaults: AlternateTrainer.Config()) { AlternateTrainer(config: $0) },
]
