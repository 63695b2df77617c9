// The `recommender` trainer: teacher-forced cross-entropy on (prompt → target item ID) pairs, the generator
// (if any) frozen — IDGenRec's recommender phase, and the whole training for every non-textual strategy.
// Validation decodes a seeded subset of validation users with the run's real decoder (the session's
// `ValidationScorer`); the best score's weights win.
import Foundation

public final class RecommenderTrainer: Trainer {
    public typealias Config = Seq2SeqTrainer.Config
    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func train(_ session: TrainingSession) throws -> TrainingOutcome {
        var c = config
        c.length = c.length.limited(by: session.budget)
        let engine = Seq2SeqTrainer(config: c, phase: "recommender")
        engine.checkpointDirectory = session.stateDirectory
        engine.resume = session.resume
        let run = session.run
        let model = session.recommender
        let subset = model.decodingSamples(session.validationIndices(count: c.validationSamples).map { run.validSamples[$0] },
                                           itemTokens: run.itemTokens)
        var validate: ((any GenerativeModel) throws -> Double)? = nil
        if let scorer = session.validation, !subset.isEmpty {
            validate = { model in try scorer.score(model, samples: subset, trie: run.trie) }
        }
        try engine.train(model: model, pairs: model.trainingPairs(run), seed: session.seed, validate: validate,
                         progress: session.progress)
        let samples = Double(engine.stepsDone * c.batchSize)
        return TrainingOutcome(seconds: engine.trainingSeconds, samplesPerSecond: samples / max(engine.trainingSeconds, 1e-9),
                               stepsDone: engine.stepsDone, stepsPlanned: engine.stepsPlanned, files: [("curves.csv", engine.curveCSV)])
    }
}
