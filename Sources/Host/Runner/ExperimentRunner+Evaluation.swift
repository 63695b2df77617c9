// Evaluation over all test users with the run's decoder (batched, with progress; the experiment's
// "evaluation" setting gives the batch size and whether history items are excluded), then per_user.csv,
// metrics.json and the metric values for the reporters.
import Foundation

extension ExperimentRunner {
    struct EvaluationOutcome {
        var metrics: [(name: String, value: Double)]
        var millisecondsPerUser: Double
    }

    func evaluate(_ model: any GenerativeModel, _ prepared: PreparedRun, folder: URL) throws -> EvaluationOutcome {
        let ranker = try component(.decoder, as: ItemRanker.self)
        let metrics = try components(.metrics, as: Metric.self)
        let evaluator = try Evaluator(config: experiment.evaluation)
        let total = prepared.testSamples.count
        let started = Date()
        let results = evaluator.run(ranker, scorer: model, trie: prepared.trie,
                                    samples: model.decodingSamples(prepared.testSamples, itemTokens: prepared.itemTokens)) { done, total in
            self.progress?(TrainingProgress(phase: "evaluate", step: done, totalSteps: total))
        }
        let ms = Date().timeIntervalSince(started) * 1000 / Double(max(total, 1))
        let values = Evaluator.measure(results, metrics: metrics, catalogSize: prepared.data.itemCount)
        let k = results.map(\.items.count).max() ?? 0
        let writer = PerUserCSVWriter(itemNames: prepared.data.items.map(\.rawID), textualIDs: prepared.itemIDs, k: k)
        _ = try writer.write(results, to: folder)
        _ = try writer.writeMetrics(values, results: results, to: folder)
        return EvaluationOutcome(metrics: values, millisecondsPerUser: ms)
    }
}
