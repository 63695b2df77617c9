// The recommendation graph as an ordered list of named stages that can be looked up, added, removed and
// replaced — swift-nio's ChannelPipeline idea, kept as a value so `compare` can copy an experiment's
// pipeline, swap one stage (e.g. item_ids) and keep everything else identical.
public struct Pipeline: Equatable {
    public private(set) var stages: [PipelineStage] = []

    public init(_ stages: [PipelineStage] = []) {
        for s in stages { try! addLast(s) }
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case duplicate(String), missing(String, known: [String])
        public var description: String {
            switch self {
            case let .duplicate(n): return "the pipeline already has a stage '\(n)'"
            case let .missing(n, known): return "the pipeline has no stage '\(n)'; " + ClosestName.advice(for: n, among: known, noun: "stages")
            }
        }
    }

    public var names: [String] { stages.map(\.name) }

    public func stage(_ key: StageKey) -> PipelineStage? { stages.first { $0.key == key } }
    public subscript(key: StageKey) -> PipelineStage? { stage(key) }

    func position(_ key: StageKey) throws -> Int {
        guard let i = stages.firstIndex(where: { $0.key == key }) else { throw Problem.missing(key.rawValue, known: names) }
        return i
    }

    public mutating func addLast(_ stage: PipelineStage) throws {
        guard self.stage(stage.key) == nil else { throw Problem.duplicate(stage.name) }
        stages.append(stage)
    }

    public mutating func add(_ stage: PipelineStage, before key: StageKey) throws {
        guard self.stage(stage.key) == nil else { throw Problem.duplicate(stage.name) }
        stages.insert(stage, at: try position(key))
    }

    public mutating func add(_ stage: PipelineStage, after key: StageKey) throws {
        guard self.stage(stage.key) == nil else { throw Problem.duplicate(stage.name) }
        stages.insert(stage, at: try position(key) + 1)
    }

    @discardableResult
    public mutating func remove(_ key: StageKey) throws -> PipelineStage {
        stages.remove(at: try position(key))
    }

    /// Replaces the stage in place (same position); returns the one it replaced.
    @discardableResult
    public mutating func replace(_ key: StageKey, with choices: [ComponentChoice]) throws -> PipelineStage {
        let i = try position(key)
        let old = stages[i]
        stages[i] = PipelineStage(key, choices)
        return old
    }

    /// A copy with one stage swapped — what `compare` runs for each variant.
    public func replacing(_ key: StageKey, with choice: ComponentChoice) throws -> Pipeline {
        var copy = self
        try copy.replace(key, with: [choice])
        return copy
    }
}
