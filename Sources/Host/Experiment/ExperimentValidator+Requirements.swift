// Requirements between stages: each chosen component's `requires` must be met by the component chosen for
// the stage of that kind (e.g. trainer `alternate` needs item-ids with a trainable ID generator).
extension ExperimentValidator {
    func unmetRequirements(_ pipeline: Pipeline) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        for stage in pipeline.stages {
            for (i, choice) in stage.choices.enumerated() {
                guard let entry = try? registry.entry(stage.key.kind, choice.name) else { continue }
                let location = stage.key.isList ? "\(stage.name)[\(i)]" : stage.name
                if let (capability, role) = stage.key.capability, !entry.provides.contains(capability) {
                    let able = registry.entries.filter { $0.kind == stage.key.kind && $0.provides.contains(capability) }.map(\.name)
                    problems.append(ValidationProblem(location, "\(entry.label) cannot \(role) (it does not provide '\(capability)'); "
                                                      + "\(stage.key.kind.rawValue)s that can: " + (able.isEmpty ? "none registered" : able.joined(separator: ", "))))
                }
                for need in entry.requires {
                    problems += check(need, of: entry, at: location, in: pipeline)
                }
            }
        }
        return problems
    }

    func check(_ need: ComponentRequirement, of entry: ComponentEntry, at location: String, in pipeline: Pipeline) -> [ValidationProblem] {
        let providers = registry.entries.filter { $0.kind == need.kind && $0.provides.contains(need.capability) }.map(\.name)
        let alternatives = providers.isEmpty ? "none registered provides it" : "components that do: " + providers.joined(separator: ", ")
        guard let target = pipeline.stages.first(where: { $0.key.kind == need.kind }) else {
            return [ValidationProblem(location, "\(entry.label) needs a \(need.kind.rawValue) stage providing '\(need.capability)' "
                                      + "(\(need.reason)), but the experiment has none; \(alternatives)")]
        }
        var problems: [ValidationProblem] = []
        for choice in target.choices {
            guard let provider = try? registry.entry(need.kind, choice.name) else { continue }  // already reported as unknown
            if !provider.provides.contains(need.capability) {
                problems.append(ValidationProblem(location, "\(entry.label) needs \(need.kind.rawValue) providing '\(need.capability)' "
                                                  + "(\(need.reason)); '\(choice.name)' in \(target.name) does not; \(alternatives)"))
            }
        }
        return problems
    }
}
