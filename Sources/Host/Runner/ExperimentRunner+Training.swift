// Training a run's recommender with the experiment's trainer, whatever it is: the runner builds one
// `TrainingSession` (model, prepared run, budget, seed, validation, progress, trainer-state folder) and calls
// the `Trainer` protocol. Validation decodes a seeded subset of validation users with the run's decoder and
// scores it with NDCG@10 (the paper's model-selection metric) — built here once, for every trainer.
import Foundation

extension ExperimentRunner {
    func train(_ model: any GenerativeModel, _ prepared: inout PreparedRun, folder: URL) throws -> TrainingOutcome {
        let trainer = try component(.trainer, as: Trainer.self)
        let session = TrainingSession(recommender: model, run: prepared, budget: experiment.budget, seed: seed,
                                      validation: try validation(prepared), progress: progress, log: log,
                                      stateDirectory: folder.appendingPathComponent("trainer-state"), resume: mode == .resume,
                                      stopAfterPhase: stopAfterPhase)
        let outcome = try trainer.train(session)
        prepared = session.run
        for file in outcome.files {
            try AtomicFile.write(file.contents, to: folder.appendingPathComponent(file.name))
        }
        return outcome
    }

    /// The run's model selection: its decoder and evaluation settings, NDCG@10.
    func validation(_ prepared: PreparedRun) throws -> ValidationScorer {
        DecodedValidation(ranker: try component(.decoder, as: ItemRanker.self), evaluation: experiment.evaluation,
                          metric: try NDCG(config: .init(k: 10)), metricName: "ndcg@10", catalogSize: prepared.data.itemCount)
    }
}
