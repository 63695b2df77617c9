// `compare`: the variants of one experiment (one stage varied, everything else equal — split, model
// preset, budget, seed) plus non-generative baselines on the same split, then one report with paired
// significance over users. Resumable: a variant whose folder already holds its results is not rerun.
import Foundation

public final class CompareRunner {
    public let variants: [Experiment]          // validated, one per value of the varied stage
    public let stage: StageKey
    public let baselines: [String]             // recommender names
    public let reference: String?
    public let registry: ComponentRegistry
    public let folder: URL
    public var progress: ProgressHandler?
    public var log: (String) -> Void

    public init(variants: [Experiment], stage: StageKey, baselines: [String], reference: String?, registry: ComponentRegistry,
                folder: URL, progress: ProgressHandler? = nil, log: @escaping (String) -> Void = { _ in }) {
        self.variants = variants
        self.stage = stage
        self.baselines = baselines
        self.reference = reference
        self.registry = registry
        self.folder = folder
        self.progress = progress
        self.log = log
    }

    /// Runs what is not finished yet and writes report.md, report.html and results.csv into `folder`.
    public func run() throws -> ComparisonResults {
        var results: [VariantResult] = []
        var perUser: [String: [Double]] = [:]
        var datasetName = ""
        for e in variants {
            let name = e.pipeline[stage]?.choice?.name ?? "?"
            let runner = ExperimentRunner(experiment: e, registry: registry, progress: progress, log: log)
            let out = runner.outputFolder
            if !CompareRunner.isFinished(out) {
                log("== \(name)")
                try runner.run()
            } else {
                log("== \(name): finished earlier in \(out.path), not rerun")
            }
            let (variant, ndcg, dataset) = try CompareRunner.collect(name: name, kind: stage.kind.rawValue, folder: out)
            results.append(variant)
            perUser[name] = ndcg
            datasetName = dataset
        }
        if !baselines.isEmpty, let base = variants.first {
            let runner = ExperimentRunner(experiment: base, registry: registry, progress: progress, log: log)
            let (data, split, _) = try runner.prepareData()
            for name in baselines {
                log("== \(name) (baseline)")
                let (variant, ndcg) = try runBaseline(name, data: data, split: split, seed: runner.seed)
                results.append(variant)
                perUser[name] = ndcg
            }
        }
        var comparison = ComparisonResults(title: "\(stage.rawValue) comparison", dataset: datasetName, variants: results,
                                           notes: CompareRunner.protocolNotes(variants.first, stage: stage))
        let ref = reference ?? results.first?.name ?? ""
        let counts = Set(perUser.values.map(\.count))
        if counts.count == 1, perUser[ref] != nil {
            try comparison.attachSignificance(perUser: perUser, reference: ref, method: .bootstrap,
                                              seed: UInt64(truncatingIfNeeded: variants.first?.seed ?? 42))
        } else {
            comparison.notes.append("no paired test: the variants were evaluated on different users")
        }
        _ = try ComparisonReport(results: comparison).write(to: folder)
        try AtomicFile.write(try String(decoding: JSONEncoder().encode(comparison), as: UTF8.self), to: folder.appendingPathComponent("results.json"))
        return comparison
    }

    static func isFinished(_ folder: URL) -> Bool {
        ["per_user.csv", "metrics.json", "run.json"].allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    }

    static func protocolNotes(_ e: Experiment?, stage: StageKey) -> [String] {
        guard let e else { return [] }
        var notes = ["Everything but \(stage.rawValue) is the same for every variant: seed \(e.seed)"]
        for s in e.pipeline.stages where s.key != stage && !s.key.isList {
            notes.append("\(s.name): \(s.choice?.name ?? "?") \(s.choice?.params.serialized() ?? "")")
        }
        return notes
    }
}
