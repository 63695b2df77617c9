// `compare`: the variants of one experiment (one stage varied, everything else equal — split, model
// preset, budget, seed) plus non-generative baselines on the same split, then one report with paired
// significance over users. Resumable: a variant whose folder already holds its run (same config, data and ID
// map) is not rerun, one a kill stopped is continued (`CompareRunner+Reuse.swift`).
import Foundation

public final class CompareRunner {
    public let runs: [[Experiment]]            // per seed: validated variants, one per value of the varied stage
    public let stage: StageKey
    public let baselines: [String]             // recommender names
    public let reference: String?
    public let registry: ComponentRegistry
    public let folder: URL
    public var progress: ProgressHandler?
    public var log: (String) -> Void
    /// Run every variant again, even one whose finished folder matches (`--force`).
    public var force = false

    public var variants: [Experiment] { runs.first ?? [] }

    /// `runs[s]` are the variants under seed s (the same variants in the same order for every seed).
    public init(runs: [[Experiment]], stage: StageKey, baselines: [String], reference: String?, registry: ComponentRegistry,
                folder: URL, progress: ProgressHandler? = nil, log: @escaping (String) -> Void = { _ in }) {
        self.runs = runs
        self.stage = stage
        self.baselines = baselines
        self.reference = reference
        self.registry = registry
        self.folder = folder
        self.progress = progress
        self.log = log
    }

    /// Runs what is not finished yet and writes report.md, report.html and results.csv into `folder`.
    /// Over several seeds, metrics are means over seeds and the paired tests run over (user, seed) pairs.
    public func run() throws -> ComparisonResults {
        try checkReference()
        var perSeed: [[(VariantResult, [Double])]] = []
        var datasetName = "", staleNotes: [String] = []
        for variants in runs {
            var row: [(VariantResult, [Double])] = []
            for e in variants {
                let name = e.pipeline[stage]?.choice?.name ?? "?"
                let label = runs.count > 1 ? "\(name), seed \(e.seed)" : name
                let out = try runOrReuse(e, label: label, staleNotes: &staleNotes)
                let (variant, ndcg, dataset) = try CompareRunner.collect(name: name, kind: stage.kind.rawValue, folder: out)
                row.append((variant, ndcg))
                datasetName = dataset
            }
            if !baselines.isEmpty, let base = variants.first {
                let runner = ExperimentRunner(experiment: base, registry: registry, progress: progress, log: log)
                let (data, split, _) = try runner.prepareData()
                for name in baselines {
                    log("== \(name) (baseline\(runs.count > 1 ? ", seed \(base.seed)" : ""))")
                    // The variants' evaluation excludes history items: so do the baselines that can.
                    var params = JSONValue.object([])
                    if base.evaluation.excludeHistory {
                        if (try? registry.entry(.recommender, name))?.schema.defaults["exclude_history"] != nil {
                            params = .object([("exclude_history", .bool(true))])
                        } else {
                            let note = "\(name) cannot exclude history items (no exclude_history setting): its lists may hold them"
                            log("warning: \(note)")
                            if !staleNotes.contains(note) { staleNotes.append(note) }
                        }
                    }
                    row.append(try runBaseline(name, params: params, data: data, split: split, seed: runner.seed))
                }
            }
            perSeed.append(row)
        }
        let (results, perUser) = CompareRunner.pool(perSeed)
        var notes = CompareRunner.protocolNotes(variants.first, stage: stage) + staleNotes
        if runs.count > 1 {
            notes.append("\(runs.count) seeds (\(runs.map { String($0.first?.seed ?? 0) }.joined(separator: ", "))): metrics are means over seeds; intervals and paired tests over (user, seed) pairs")
        }
        var comparison = ComparisonResults(title: "\(stage.rawValue) comparison", dataset: datasetName, variants: results, notes: notes)
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

    /// One result per variant over all seeds: metric means, timings of the first seed, per-user values
    /// concatenated seed after seed (the same users in the same order for every variant).
    static func pool(_ perSeed: [[(VariantResult, [Double])]]) -> ([VariantResult], [String: [Double]]) {
        guard let first = perSeed.first else { return ([], [:]) }
        var results: [VariantResult] = [], perUser: [String: [Double]] = [:]
        for (i, (base, _)) in first.enumerated() {
            var v = base
            let all = perSeed.map { $0[i] }
            if perSeed.count > 1 {
                for key in base.metrics.keys {
                    v.metrics[key] = all.compactMap { $0.0.metrics[key] }.reduce(0, +) / Double(all.count)
                }
                let pooled = all.flatMap(\.1)
                v.intervals["NDCG@10"] = try? PairedSignificance.meanInterval(pooled)
            }
            results.append(v)
            perUser[v.name] = all.flatMap(\.1)
        }
        return (results, perUser)
    }

    static func protocolNotes(_ e: Experiment?, stage: StageKey) -> [String] {
        guard let e else { return [] }
        var notes = ["Everything but \(stage.rawValue) is the same for every variant: seed \(e.seed)",
                     "evaluation: \(e.evaluation.excludeHistory ? "items in the user's history excluded" : "nothing excluded (as the reference)"), batches of \(e.evaluation.batchSize)"]
        for s in e.pipeline.stages where s.key != stage && !s.key.isList {
            notes.append("\(s.name): \(s.choice?.name ?? "?") \(s.choice?.params.serialized() ?? "")")
        }
        return notes
    }
}
