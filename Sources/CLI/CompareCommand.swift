// `idgenrec compare EXPERIMENT --vary item_ids=a,b,c [--baselines popularity,sasrec]`: every variant under
// the same split, model, budget and seed, the baselines on the same split, one report with paired
// significance. Rerunning reuses a variant's finished folder only when its config, data and ID map match
// (otherwise it reruns it and says why), continues one a kill stopped, and with --force reruns them all.
import ArgumentParser
import Foundation
import IDGenHost

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run one experiment's variants side by side (plus baselines) and write report.md, report.html, results.csv.")

    @OptionGroup var host: HostOptions

    @Argument(help: "The base experiment JSON file.")
    var experiment: String

    @Option(help: ArgumentHelp("The stage to vary and its values, e.g. item_ids=sequential,collaborative,textual.", valueName: "stage=a,b,c"))
    var vary: String

    @Option(help: ArgumentHelp("Non-generative baselines on the same split, e.g. popularity,sasrec.", valueName: "a,b"))
    var baselines: String = ""

    @Option(help: "Run every variant (and baseline) under this many seeds: the experiment's seed, seed+1, …")
    var seeds = 1

    @Option(help: "The variant the paired tests compare against (default: the first).")
    var reference: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    @Flag(help: "Run every variant again, replacing finished variant folders even when their settings match.")
    var force = false

    func run() throws {
        let registry = try host.registry()
        let url = URL(fileURLWithPath: experiment)
        let validator = ExperimentValidator(registry: registry)
        let variants = try validator.loadVariants(url, overrides: overrides, vary: vary)
        guard seeds >= 1 else { throw ValidationReport(file: url.path, problems: [ValidationProblem("--seeds", "must be ≥ 1, got \(seeds)")]) }
        var runs = [variants]
        if seeds > 1, let base = variants.first {
            let root = (base.outputDir as NSString).deletingLastPathComponent
            runs = try (0..<seeds).map { i in
                try validator.loadVariants(url, overrides: overrides + ["seed=\(base.seed + i)", "output_dir=\(root)/seed-\(base.seed + i)"], vary: vary)
            }
        }
        let names = baselines.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = names.filter { !registry.contains(.recommender, $0) }
        if !unknown.isEmpty {
            throw ValidationReport(file: url.path, problems: unknown.map {
                ValidationProblem("--baselines", "unknown recommender '\($0)'; " + ClosestName.advice(for: $0, among: registry.names(of: .recommender)))
            })
        }
        guard let stageName = vary.split(separator: "=").first, let stage = StageKey(rawValue: String(stageName)) else {
            throw ValidationReport(file: url.path, problems: [ValidationProblem("--vary", "expected stage=a,b,c")])
        }
        let first = try comparisonFolder(variants)
        let renderer = ProgressRenderer()
        let started = Date()
        let runner = CompareRunner(runs: runs, stage: stage, baselines: names, reference: reference, registry: registry,
                                   folder: first, progress: renderer.handle, log: { print($0) })
        runner.force = force
        let results = try runner.run()
        print("\n" + CompareCommand.table(results))
        print("report: \(first.appendingPathComponent("report.html").path)  (\(ProgressRenderer.clock(Date().timeIntervalSince(started))))")
    }

    /// The comparison folder: the base experiment's output_dir (variants sit in its subfolders).
    func comparisonFolder(_ variants: [Experiment]) throws -> URL {
        guard let v = variants.first else { throw ValidationReport(file: experiment, problems: [ValidationProblem("--vary", "no variants")]) }
        let path = (v.outputDir as NSString).deletingLastPathComponent
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
    }

    static func table(_ r: ComparisonResults) -> String {
        var out = "variant".padding(toLength: 16, withPad: " ", startingAt: 0) + r.metricNames.map { $0.padding(toLength: 9, withPad: " ", startingAt: 0) }.joined() + "p (vs \(r.reference ?? "-"))\n"
        for v in r.variants {
            out += v.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            out += r.metricNames.map { String(format: "%.4f", v.metrics[$0] ?? .nan).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined()
            out += v.significance.map { String(format: "%.4f", $0.pValue) } ?? "-"
            out += "\n"
        }
        return out
    }
}
