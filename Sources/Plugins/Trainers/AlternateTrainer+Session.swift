// `alternate` as a run's `Trainer`: the run's ID strategy must be a `TrainableIDGenerator` (validation
// checks the capability its conformance gives); the phases read and rewrite the run through `AlternateRun`,
// and the run that comes back holds the IDs in force, the trie and every prompt re-made with them. The
// experiment's budget governs the whole run (`Config.limited(by:)`): epochs scale every phase, steps cap the
// recommender steps of all rounds, minutes the wall time of all phases.
import Foundation

extension AlternateTrainer: Trainer {
    public func train(_ session: TrainingSession) throws -> TrainingOutcome {
        guard let items = session.run.strategy as? TrainableIDGenerator, let generator = items.generator else {
            throw AlternateTrainingError.needsTrainableIDs(strategy: "\(type(of: session.run.strategy))")
        }
        guard let recommender = session.recommender as? T5Model else {
            throw AlternateTrainingError.needsEncoderPrompts(model: "\(type(of: session.recommender))")
        }
        let engine = AlternateTrainer(config: config.limited(by: session.budget))
        let material = try AlternateRun(session.run, items: items, log: session.log)
        let indices = session.validationIndices(count: engine.config.recommenderPhase.validationSamples)
        var validate: ((any GenerativeModel) throws -> Double)? = nil
        if let scorer = session.validation, !indices.isEmpty {
            let samples = indices.map { session.run.split.valid[$0] }, open = indices.map { material.valid[$0] }
            validate = { model in try scorer.score(model, samples: material.evaluationSamples(samples, open), trie: material.trie) }
        }
        let started = Date()
        defer { curve = engine.curve; idPhaseLosses = engine.idPhaseLosses; stepsDone = engine.stepsDone; stepsPlanned = engine.stepsPlanned }
        try engine.train(
            generator: generator, recommender: recommender, generatorInputs: { material.generatorInputs() },
            softSamples: { material.softSamples() }, recommenderPairs: { material.recommenderPairs() },
            regenerate: { try material.regenerate(with: $0) },
            validate: validate, seed: session.seed, progress: session.progress,
            checkpointing: session.stateDirectory.map {
                AlternateCheckpointing(directory: $0, resume: session.resume, save: { material.saved() },
                                       restore: { try material.restore($0) }, stopAfterPhase: session.stopAfterPhase)
            })
        session.run = material.finished()
        let seconds = Date().timeIntervalSince(started)
        let rates = engine.curve.map(\.samplesPerSecond)
        return TrainingOutcome(seconds: seconds, samplesPerSecond: rates.isEmpty ? 0 : rates.reduce(0, +) / Double(rates.count),
                               stepsDone: engine.stepsDone, stepsPlanned: engine.stepsPlanned,
                               files: [("curves.csv", engine.curveCSV), ("id_history.tsv", material.history)])
    }
}
