// Building a validated pipeline's components, stage by stage (a run calls this only after
// `ExperimentValidator` found no problem, so nothing is built for a graph that cannot run).
extension ComponentRegistry {
    public func instantiate(_ pipeline: Pipeline) throws -> [StageKey: [Any]] {
        var out: [StageKey: [Any]] = [:]
        for stage in pipeline.stages {
            out[stage.key] = try stage.choices.map { try make(stage.key.kind, $0.name, params: $0.params) }
        }
        return out
    }
}
