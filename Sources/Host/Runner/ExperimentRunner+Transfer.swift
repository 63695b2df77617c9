// Zero-shot transfer (the paper's foundation-model experiment, §4.6): a recommender trained on dataset A is
// evaluated on dataset B without training on B. B's items get IDs from the same strategy applied to B's
// text, with A's tokenizer; for textual IDs, A's trained ID generator writes them (A's `generator/` folder).
// Given B's own trained run (trained on the same data: checked), the results are reported next to it (a
// two-variant comparison report).
import Foundation

extension ExperimentRunner {
    /// Evaluates the run in `source` (a run folder) on this experiment's dataset and split; writes the usual
    /// evaluation files into this experiment's output folder (through a staging folder, as `run` does; `mode`
    /// `force` replaces a finished one). Nothing is trained.
    /// With `inDomain` (a finished run trained on this dataset), the zero-shot results are also reported next
    /// to it in `vs-in-domain/` (report.md, report.html, results.csv; paired test over the same test users).
    /// Both folders are checked before any work; a run trained on other data than this experiment's is refused.
    @discardableResult
    public func transfer(from source: URL, inDomain: URL? = nil) throws -> RunSummary {
        guard mode != .resume else {
            throw RunFolderError(outputFolder.path, .conflictingFlags, "transfer trains nothing, so there is nothing to resume; --force replaces a finished transfer")
        }
        try RunFolder.checkTrainedRun(source, option: "--from")
        if let inDomain { try RunFolder.checkFinishedRun(inDomain, option: "--in-domain") }
        return try withStaging { folder in try transfer(from: source, inDomain: inDomain, into: folder) }
    }

    private func transfer(from source: URL, inDomain: URL?, into folder: URL) throws -> RunSummary {
        try AtomicFile.write(experiment.resolvedJSON(registry: registry).serialized(pretty: true) + "\n",
                             to: folder.appendingPathComponent("config.json"))
        let checkpoint = source.appendingPathComponent("checkpoint")
        sharedTokenizer = try UnigramTokenizer(contentsOf: checkpoint.appendingPathComponent("tokenizer.json"))
        defer { sharedTokenizer = nil }
        let base = try prepareData()
        if let inDomain { try refuseOtherData(base.data, inDomain: inDomain) }
        let prepared = try prepare(base)
        try writeIDMap(prepared, to: folder)
        let model = try GenerativeCheckpoint.load(directory: checkpoint)
        model.resizeVocabulary(to: prepared.tokenizer.vocabularySize, seed: seed)
        log("transfer: model from \(source.path), evaluated on \(prepared.data.name) (\(prepared.testSamples.count) test users)")
        let evaluation = try evaluate(model, prepared, folder: folder)
        let summary = RunSummary(experiment: outputFolder.lastPathComponent, dataset: prepared.data.name,
                                 itemIDs: (experiment.pipeline[.itemIDs]?.choice?.name ?? "?") + " (zero-shot from \(source.lastPathComponent))",
                                 metrics: evaluation.metrics, users: prepared.testSamples.count, trainingSeconds: 0,
                                 samplesPerSecond: 0, decodeMillisecondsPerUser: evaluation.millisecondsPerUser,
                                 idReport: prepared.idReport, notes: prepared.notes)
        for reporter in try components(.reporters, as: RunReporter.self) {
            let text = try reporter.report(summary, to: folder)
            if !text.isEmpty { log(text) }
        }
        if let inDomain {
            if !FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path) {
                _ = try JSONReporter().report(summary, to: folder)       // the comparison reads it
            }
            _ = try reportNextToInDomain(zeroShot: folder, source: source, inDomain: inDomain)
            log("zero-shot vs in-domain: \(outputFolder.appendingPathComponent("vs-in-domain").path)/report.html")
        }
        return summary
    }

    /// --in-domain must be a run trained on this experiment's data: its run.json's dataset hash says so.
    func refuseOtherData(_ data: Interactions, inDomain: URL) throws {
        let info = try JSONValue.parse(contentsOf: inDomain.appendingPathComponent("run.json"))
        guard info["dataset_hash"]?.stringValue != Self.datasetHash(data) else { return }
        throw RunFolderError(inDomain.path, .otherData,
                             "--in-domain: this run was trained on other data than \(experiment.file.lastPathComponent)'s dataset "
                             + "(\(Self.dataChange(info, data))); give the run trained on this experiment's dataset")
    }

    /// The zero-shot run and B's in-domain run as a two-variant comparison (in-domain is the reference).
    func reportNextToInDomain(zeroShot folder: URL, source: URL, inDomain: URL) throws -> URL {
        let (own, ownPerUser, ownDataset) = try CompareRunner.collect(name: "in-domain: \(inDomain.lastPathComponent)", kind: "trained on this dataset", folder: inDomain)
        let (zero, zeroPerUser, dataset) = try CompareRunner.collect(name: "zero-shot from \(source.lastPathComponent)", kind: "no training on this dataset", folder: folder)
        var results = ComparisonResults(title: "zero-shot transfer vs in-domain", dataset: dataset, variants: [own, zero],
                                        notes: ["zero-shot: the recommender of \(source.path), never trained on \(dataset); in-domain: \(inDomain.path)"])
        let sameUsers = ownDataset == dataset && Self.userTargets(inDomain) == Self.userTargets(folder)
        if sameUsers {
            try results.attachSignificance(perUser: [own.name: ownPerUser, zero.name: zeroPerUser], reference: own.name,
                                           method: .bootstrap, seed: seed)
        } else {
            results.notes.append("no paired test: the two runs were evaluated on different users or targets (dataset '\(ownDataset)' vs '\(dataset)')")
        }
        let out = folder.appendingPathComponent("vs-in-domain")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        _ = try ComparisonReport(results: results).write(to: out)
        return out
    }

    /// (user, target) of every row of a run's per_user.csv, in order.
    static func userTargets(_ folder: URL) -> [String] {
        guard let csv = try? String(contentsOf: folder.appendingPathComponent("per_user.csv"), encoding: .utf8) else { return [] }
        return csv.split(separator: "\n").dropFirst().map { PerUserCSVWriter.splitRecord(String($0)).prefix(2).joined(separator: "\t") }
    }
}
