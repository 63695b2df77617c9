// Zero-shot transfer (the paper's foundation-model experiment, §4.6): a recommender trained on dataset A is
// evaluated on dataset B without training on B. B's items get IDs from the same strategy applied to B's
// text, with A's tokenizer; for textual IDs, A's trained ID generator writes them (A's `generator/` folder).
import Foundation

extension ExperimentRunner {
    /// Evaluates the run in `source` (a run folder) on this experiment's dataset and split; writes the usual
    /// evaluation files into this experiment's output folder. Nothing is trained.
    @discardableResult
    public func transfer(from source: URL) throws -> RunSummary {
        let folder = outputFolder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let checkpoint = source.appendingPathComponent("checkpoint")
        sharedTokenizer = try UnigramTokenizer(contentsOf: checkpoint.appendingPathComponent("tokenizer.json"))
        defer { sharedTokenizer = nil }
        let prepared = try prepare()
        try writeIDMap(prepared, to: folder)
        let model = try T5Model.load(directory: checkpoint)
        model.resizeVocabulary(to: prepared.tokenizer.vocabularySize, seed: seed)
        log("transfer: model from \(source.path), evaluated on \(prepared.data.name) (\(prepared.testSamples.count) test users)")
        let evaluation = try evaluate(model, prepared, folder: folder)
        let summary = RunSummary(experiment: folder.lastPathComponent, dataset: prepared.data.name,
                                 itemIDs: (experiment.pipeline[.itemIDs]?.choice?.name ?? "?") + " (zero-shot from \(source.lastPathComponent))",
                                 metrics: evaluation.metrics, users: prepared.testSamples.count, trainingSeconds: 0,
                                 samplesPerSecond: 0, decodeMillisecondsPerUser: evaluation.millisecondsPerUser,
                                 idReport: prepared.idReport, notes: prepared.notes)
        for reporter in try components(.reporters, as: RunReporter.self) {
            let text = try reporter.report(summary, to: folder)
            if !text.isEmpty { log(text) }
        }
        return summary
    }
}
