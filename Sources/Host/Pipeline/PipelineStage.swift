// A named stage of the pipeline with its chosen component(s): one for most stages, a list for metrics and
// reporters. `origin` says whether the experiment file named it or the host filled in the default.
public struct PipelineStage: Equatable {
    public enum Origin: String, Equatable { case experiment, defaulted }

    public var key: StageKey
    public var choices: [ComponentChoice]
    public var origin: Origin

    public init(_ key: StageKey, _ choices: [ComponentChoice], origin: Origin = .experiment) {
        self.key = key
        self.choices = choices
        self.origin = origin
    }

    public init(_ key: StageKey, _ choice: ComponentChoice, origin: Origin = .experiment) {
        self.init(key, [choice], origin: origin)
    }

    public var name: String { key.rawValue }
    /// The single choice of a one-component stage.
    public var choice: ComponentChoice? { choices.first }
}
