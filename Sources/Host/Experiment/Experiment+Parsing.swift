import Foundation
import IDGenPlugins

// Reading an experiment file with its `--set` overrides, noting every structural problem instead of
// stopping at the first (the validator adds the registry's problems to the same report).
extension Experiment {
    /// Reads `url` and applies `overrides`; structural problems are returned, not thrown. Throws only when
    /// the file cannot be read or is not JSON (a report with one problem naming line and column).
    public static func read(_ url: URL, overrides: [String] = []) throws -> (Experiment, [ValidationProblem]) {
        let json: JSONValue
        do { json = try JSONValue.parse(contentsOf: url) } catch let e as JSONParseError {
            throw ValidationReport(file: url.path, problems: [ValidationProblem("line \(e.line), column \(e.column)", "invalid JSON: \(e.reason)")])
        } catch {
            throw ValidationReport(file: url.path, problems: [ValidationProblem("file", "cannot read it (\(error.localizedDescription))")])
        }
        return parse(json, file: url, overrides: overrides)
    }

    public static func parse(_ json: JSONValue, file: URL, overrides: [String] = []) -> (Experiment, [ValidationProblem]) {
        var e = Experiment(file: file)
        var problems: [ValidationProblem] = []
        guard case var .object(top) = json else {
            return (e, [ValidationProblem("file", "expected a JSON object of stages and settings, found \(json.typeName)")])
        }
        for (k, _) in top { e.sources[k] = .file }
        for text in overrides {
            switch ExperimentOverride.parse(text) {
            case let .failure(p): problems.append(p)
            case let .success(o):
                if let p = o.apply(to: &top) { problems.append(p) } else { e.sources[o.path.joined(separator: ".")] = .cli }
            }
        }
        for (k, v) in top {
            if case let .object(o) = v { for (p, _) in o where e.sources["\(k).\(p)"] == nil { e.sources["\(k).\(p)"] = e.sources[k] ?? .file } }
        }
        for (key, value) in top {
            if let stage = StageKey(rawValue: key) {
                if let choices = parseStage(stage, value, problems: &problems) { try? e.pipeline.addLast(PipelineStage(stage, choices)) }
                continue
            }
            switch key {
            case "seed":
                if let s = value.intValue, s >= 0 { e.seed = s } else { problems.append(ValidationProblem("seed", "expected a non-negative integer, found \(value.serialized())")) }
            case "output_dir":
                if let s = value.stringValue, !s.isEmpty { e.outputDir = s } else { problems.append(ValidationProblem("output_dir", "expected a folder path (string)")) }
            case "budget":
                switch ConfigCodec.decode(Budget.self, from: value, defaults: Budget()) {
                case let .success(b): e.budget = b
                case let .failure(f): problems += f.problems.map { ValidationProblem($0.key.isEmpty ? "budget" : "budget.\($0.key)", $0.message) }
                }
            case "evaluation":
                switch ConfigCodec.decode(Evaluator.Config.self, from: value, defaults: Evaluator.Config()) {
                case let .success(c): e.evaluation = c
                case let .failure(f): problems += f.problems.map { ValidationProblem($0.key.isEmpty ? "evaluation" : "evaluation.\($0.key)", $0.message) }
                }
            case "description": break
            default:
                problems.append(ValidationProblem(key, "unknown stage or setting; " + ClosestName.advice(for: key, among: Experiment.topLevelKeys)))
            }
        }
        // Stages in run order, whatever order the file wrote them in.
        e.pipeline = Pipeline(StageKey.allCases.compactMap { e.pipeline.stage($0) })
        return (e, problems)
    }

    static func parseStage(_ stage: StageKey, _ value: JSONValue, problems: inout [ValidationProblem]) -> [ComponentChoice]? {
        if stage.isList {
            let items = value.arrayValue ?? [value]
            var out: [ComponentChoice] = []
            for (i, v) in items.enumerated() {
                if let c = parseChoice(v, location: "\(stage.rawValue)[\(i)]", problems: &problems) { out.append(c) }
            }
            return out.count == items.count ? out : nil
        }
        return parseChoice(value, location: stage.rawValue, problems: &problems).map { [$0] }
    }

    static func parseChoice(_ v: JSONValue, location: String, problems: inout [ValidationProblem]) -> ComponentChoice? {
        switch v {
        case let .string(name) where !name.isEmpty:
            return ComponentChoice(name: name)
        case let .object(pairs):
            guard let name = v["component"]?.stringValue, !name.isEmpty else {
                problems.append(ValidationProblem(location, "a stage object needs \"component\": the name of the component to use"))
                return nil
            }
            return ComponentChoice(name: name, params: .object(pairs.filter { $0.0 != "component" }))
        default:
            problems.append(ValidationProblem(location, "expected a component name or {\"component\": name, …params}, found \(v.typeName)"))
            return nil
        }
    }
}
