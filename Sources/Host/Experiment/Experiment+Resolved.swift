// The experiment as it will run: every stage's parameters with the component's defaults filled in, and
// where each explicit value came from — what a run folder records as its resolved config.
extension Experiment {
    /// Parameters of `choice` as the component will see them: defaults ← file ← CLI.
    public func resolvedParams(_ choice: ComponentChoice, kind: ComponentKind, registry: ComponentRegistry) -> JSONValue {
        guard let entry = try? registry.entry(kind, choice.name) else { return choice.params }
        return ConfigCodec.overlay(choice.params, on: entry.schema.defaults)
    }

    public func resolvedJSON(registry: ComponentRegistry) -> JSONValue {
        var out: [(String, JSONValue)] = [("seed", .int(seed)), ("output_dir", .string(outputDir))]
        var budgetPairs: [(String, JSONValue)] = []
        if let s = budget.steps { budgetPairs.append(("steps", .int(s))) }
        if let m = budget.minutes { budgetPairs.append(("minutes", .double(m))) }
        if let e = budget.epochs { budgetPairs.append(("epochs", .int(e))) }
        out.append(("budget", .object(budgetPairs)))
        out.append(("evaluation", .object([("batch_size", .int(evaluation.batchSize)),
                                           ("exclude_history", .bool(evaluation.excludeHistory))])))
        for stage in pipeline.stages {
            let choices = stage.choices.map { c -> JSONValue in
                .object([("component", .string(c.name))] + (resolvedParams(c, kind: stage.key.kind, registry: registry).objectValue ?? []))
            }
            out.append((stage.name, stage.key.isList ? .array(choices) : choices[0]))
        }
        let explicit = sources.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value.rawValue)) }
        out.append(("sources", .object(explicit)))
        return .object(out)
    }
}
