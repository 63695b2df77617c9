// `compare --vary item_ids=sequential,collaborative,textual`: one stage, several components, everything else
// equal. Each variant is the experiment's pipeline with that one stage replaced (params reset to the
// variant's defaults, as `--set stage=name` does), validated together before any of them runs.
public struct ExperimentVariation: Equatable {
    public var stage: StageKey
    public var choices: [ComponentChoice]

    public static func parse(_ text: String) -> Result<ExperimentVariation, ValidationProblem> {
        let location = "--vary \(text)"
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(ValidationProblem(location, "expected stage=name,name,… (e.g. item_ids=sequential,textual)"))
        }
        let key = String(text[..<eq])
        guard let stage = StageKey(rawValue: key) else {
            return .failure(ValidationProblem(location, "unknown stage '\(key)'; " + ClosestName.advice(for: key, among: StageKey.allCases.map(\.rawValue), noun: "stages")))
        }
        guard !stage.isList else {
            return .failure(ValidationProblem(location, "\(key) is a list stage; vary a single-component stage (item_ids, decoder, …) and list every \(key) in the file"))
        }
        let names = text[text.index(after: eq)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count >= 2, names.allSatisfy({ !$0.isEmpty }) else {
            return .failure(ValidationProblem(location, "name at least two components to compare, separated by commas"))
        }
        guard Set(names).count == names.count else { return .failure(ValidationProblem(location, "a component is named twice")) }
        return .success(ExperimentVariation(stage: stage, choices: names.map { ComponentChoice(name: $0) }))
    }

    /// One experiment per choice, each with its own output folder under the experiment's.
    public func variants(of e: Experiment) -> [Experiment] {
        choices.map { choice in
            var v = e
            if (try? v.pipeline.replace(stage, with: [choice])) == nil {
                v.pipeline = Pipeline(StageKey.allCases.compactMap { $0 == stage ? PipelineStage(stage, choice) : e.pipeline.stage($0) })
            }
            v.outputDir = e.outputDir + "/" + choice.name
            v.sources[stage.rawValue] = .cli
            return v
        }
    }
}
