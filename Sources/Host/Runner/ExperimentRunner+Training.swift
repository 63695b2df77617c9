// Training the recommender with the experiment's trainer; validation decodes a seeded subset of validation
// users with the run's decoder and scores NDCG@10 (the paper's model-selection metric).
import Foundation

extension ExperimentRunner {
    struct TrainingOutcome {
        var seconds: Double
        var samplesPerSecond: Double
    }

    func train(_ model: T5Model, _ prepared: PreparedRun, folder: URL) throws -> TrainingOutcome {
        let trainer = try component(.trainer, as: RecommenderTrainer.self)
        var config = trainer.config
        if let steps = experiment.budget.steps { config.maxSteps = steps }
        if let minutes = experiment.budget.minutes { config.maxMinutes = minutes }
        if let epochs = experiment.budget.epochs { config.epochs = Double(epochs) }
        let engine = Seq2SeqTrainer(config: config, phase: "recommender")
        engine.checkpointDirectory = folder.appendingPathComponent("trainer-state")
        engine.resume = resume
        let ranker = try component(.decoder, as: ItemRanker.self)
        var rng = SplitMix64(seed: seed).derived("validation-subset")
        let subset = Array(prepared.validSamples.shuffled(using: &rng).prefix(config.validationSamples))
        let evaluation = experiment.evaluation
        let validate: ((T5Model) -> Double)? = subset.isEmpty ? nil : { model in
            let results = (try? Evaluator(config: evaluation))?.run(ranker, scorer: model, trie: prepared.trie, samples: subset) ?? []
            return (try? NDCG(config: .init(k: 10))).map { Evaluator.measure(results, metrics: [$0], catalogSize: prepared.data.itemCount)[0].value } ?? 0
        }
        try engine.train(model: model, pairs: prepared.trainPairs, seed: seed, validate: validate, progress: progress)
        try AtomicFile.write(engine.curveCSV, to: folder.appendingPathComponent("curves.csv"))
        let samples = Double(engine.stepsDone * config.batchSize)
        return TrainingOutcome(seconds: engine.trainingSeconds, samplesPerSecond: samples / max(engine.trainingSeconds, 1e-9))
    }
}
