import Foundation

// Whole-graph validation before any work starts: every stage resolved against the registry (unknown names
// get the closest known name and the list), every parameter known and well-typed, every requirement
// between stages met, every input file present — all problems in one report.
public struct ExperimentValidator {
    public let registry: ComponentRegistry

    public init(registry: ComponentRegistry) { self.registry = registry }

    /// Reads, overrides and validates; returns the experiment with defaults filled in, or throws the report.
    public func load(_ url: URL, overrides: [String] = []) throws -> Experiment {
        let (experiment, structural) = try Experiment.read(url, overrides: overrides)
        let (resolved, problems) = resolve(experiment)
        let all = structural + problems
        if !all.isEmpty { throw ValidationReport(file: url.path, problems: all) }
        return resolved
    }

    /// Fills defaulted stages, expands "hr@10"-style names, and lists every problem.
    public func resolve(_ experiment: Experiment) -> (Experiment, [ValidationProblem]) {
        var e = experiment
        var problems: [ValidationProblem] = []
        var stages: [PipelineStage] = []
        for key in StageKey.allCases {
            if var stage = e.pipeline.stage(key) {
                stage.choices = stage.choices.map { expandAt($0, kind: key.kind) }
                stages.append(stage)
            } else if !key.defaultChoices.isEmpty, key.defaultChoices.map({ expandAt($0, kind: key.kind) }).allSatisfy({ registry.contains(key.kind, $0.name) }) {
                stages.append(PipelineStage(key, key.defaultChoices.map { expandAt($0, kind: key.kind) }, origin: .defaulted))
            } else if key.isRequired {
                problems.append(ValidationProblem(key.rawValue, "missing stage: name a \(key.kind.rawValue) component; "
                    + "known: " + (registry.names(of: key.kind).isEmpty ? "(none registered in this build)" : registry.names(of: key.kind).joined(separator: ", "))))
            }
        }
        e.pipeline = Pipeline(stages)
        for stage in stages {
            for (i, choice) in stage.choices.enumerated() {
                let location = stage.key.isList ? "\(stage.name)[\(i)]" : stage.name
                problems += check(choice, kind: stage.key.kind, location: location, folder: e.folder)
            }
        }
        problems += unmetRequirements(e.pipeline)
        return (e, problems)
    }

    /// "hr@10" → "hr@k" with k = 10, when only the "@k" form is registered and it has a `k` parameter.
    func expandAt(_ c: ComponentChoice, kind: ComponentKind) -> ComponentChoice {
        guard !registry.contains(kind, c.name), let at = c.name.lastIndex(of: "@"), let k = Int(c.name[c.name.index(after: at)...]) else { return c }
        let base = String(c.name[..<at]) + "@k"
        guard let entry = try? registry.entry(kind, base), entry.schema.key("k") != nil else { return c }
        return ComponentChoice(name: base, params: ConfigCodec.overlay(c.params, on: .object([("k", .int(k))])))
    }

    func check(_ choice: ComponentChoice, kind: ComponentKind, location: String, folder: URL) -> [ValidationProblem] {
        guard let entry = try? registry.entry(kind, choice.name) else {
            return [ValidationProblem(location, "unknown \(kind.rawValue) '\(choice.name)'; " + ClosestName.advice(for: choice.name, among: registry.names(of: kind)))]
        }
        var problems = entry.check(choice.params).map { ValidationProblem(location, "\(entry.label): \($0)") }
        for key in entry.inputFiles {
            guard let path = choice.params[key]?.stringValue ?? entry.schema.key(key)?.defaultValue.stringValue, !path.isEmpty else { continue }
            let url = URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
            if !FileManager.default.fileExists(atPath: url.path) {
                problems.append(ValidationProblem(location, "\(entry.label): key '\(key)': no such file or folder \(url.path)"))
            }
        }
        problems += pluginFileProblems(entry, location: location)
        return problems
    }

    /// An external plugin whose library is not built, or whose program is not on PATH, fails here, not mid-run.
    func pluginFileProblems(_ entry: ComponentEntry, location: String) -> [ValidationProblem] {
        switch entry.origin {
        case .builtin: return []
        case let .library(url):
            if FileManager.default.fileExists(atPath: url.path) { return [] }
            return [ValidationProblem(location, "\(entry.label): plugin library \(url.path) does not exist; build it (e.g. make -C Examples/plugins)")]
        case let .command(argv, dir):
            if ExperimentValidator.findProgram(argv[0], in: dir) { return [] }
            return [ValidationProblem(location, "\(entry.label): plugin program '\(argv[0])' not found (on PATH or in \(dir.path))")]
        }
    }

    static func findProgram(_ name: String, in dir: URL) -> Bool {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: name, relativeTo: dir).path) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
}

extension ExperimentValidator {
    /// Reads the experiment, makes one variant per `vary` choice, and validates all of them before any work:
    /// problems common to every variant are reported once, the rest prefixed with their variant.
    public func loadVariants(_ url: URL, overrides: [String] = [], vary: String) throws -> [Experiment] {
        let (experiment, structural) = try Experiment.read(url, overrides: overrides)
        var problems = structural
        guard case let .success(variation) = ExperimentVariation.parse(vary) else {
            if case let .failure(p) = ExperimentVariation.parse(vary) { problems.append(p) }
            throw ValidationReport(file: url.path, problems: problems)
        }
        var resolved: [Experiment] = []
        var perVariant: [(String, [ValidationProblem])] = []
        for v in variation.variants(of: experiment) {
            let (r, p) = resolve(v)
            resolved.append(r)
            perVariant.append((r.pipeline.stage(variation.stage)?.choice?.name ?? "?", p))
        }
        let common = perVariant.first?.1.filter { p in perVariant.allSatisfy { $0.1.contains(p) } } ?? []
        problems += common
        for (name, ps) in perVariant {
            problems += ps.filter { !common.contains($0) }.map { ValidationProblem("variant '\(name)': \($0.location)", $0.message) }
        }
        if !problems.isEmpty { throw ValidationReport(file: url.path, problems: problems) }
        return resolved
    }
}
