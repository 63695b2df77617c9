// Resumable alternate training. The schedule is a fixed list of phases (an ID phase includes the ID
// regeneration after it); at every phase end both models, the curves and the runner's IDs are written
// atomically as `alternate-phase-<i>.safetensors` and then `alternate.json` naming phase i (written last,
// so a kill between the two leaves the previous, complete checkpoint in force). A resumed run restores the
// last completed phase and continues: a recommender phase from its own step checkpoint
// (`recommender-round<r>/`), an ID phase from its start (its batches and dropout come from the seed and the
// phase name, so the rerun is the same phase). The result is the uninterrupted run's, step for step.
import Foundation

extension AlternateTrainer {
    enum PhaseKind: String { case idGenerator = "id-generator", recommender }

    /// The phases of the whole schedule, in order.
    var plan: [(round: Int, kind: PhaseKind)] {
        let rounds = max(config.rounds, 1)
        var out: [(Int, PhaseKind)] = []
        for round in 1...rounds {
            switch config.order {
            case .idFirst: out += [(round, .idGenerator), (round, .recommender)]
            case .recFirst: out += round == rounds ? [(round, .recommender)] : [(round, .recommender), (round, .idGenerator)]
            }
        }
        return out
    }

    func savePhase(_ index: Int, _ state: AlternateCheckpointing, generator: T5Model, recommender: T5Model) throws {
        let dir = state.directory
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var tensors: [(String, NamedArray)] = []
        for (i, p) in generator.parameters.enumerated() { tensors.append(("generator.\(i)", p.namedArray)) }
        for (i, p) in recommender.parameters.enumerated() { tensors.append(("recommender.\(i)", p.namedArray)) }
        let weights = dir.appendingPathComponent("alternate-phase-\(index).safetensors")
        try SafeTensors.write(tensors, metadata: ["phase": String(index)], to: weights)
        let json = JSONValue.object([
            ("phase", .int(index)),
            ("weights", .string(weights.lastPathComponent)),
            ("curve", .array(curve.map(Self.encode))),
            ("id_phase_losses", .array(idPhaseLosses.map { .array([.int($0.round), .double($0.before), .double($0.after)]) })),
            ("runner", try state.save()),
        ])
        try AtomicFile.write(json.serialized(pretty: false) + "\n", to: dir.appendingPathComponent("alternate.json"))
        if index > 0 { try? FileManager.default.removeItem(at: dir.appendingPathComponent("alternate-phase-\(index - 1).safetensors")) }
    }

    /// Restores the last completed phase; its index, or nil when there is nothing to resume from.
    func loadPhase(_ state: AlternateCheckpointing, generator: T5Model, recommender: T5Model) throws -> Int? {
        let url = state.directory.appendingPathComponent("alternate.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        func bad(_ problem: String) -> RunCheckpointError { RunCheckpointError(file: url.path, problem: problem) }
        let json = try JSONValue.parse(contentsOf: url)
        guard let index = json["phase"]?.intValue, let name = json["weights"]?.stringValue, let runner = json["runner"],
              let points = json["curve"]?.arrayValue else { throw bad("missing or ill-typed fields") }
        guard index < plan.count else { throw bad("phase \(index) is past this schedule's \(plan.count) phases: not this experiment") }
        let weights = try SafeTensors.read(contentsOf: state.directory.appendingPathComponent(name))
        guard weights.metadata["phase"] == String(index) else { throw bad("\(name) holds phase \(weights.metadata["phase"] ?? "?"), not \(index)") }
        for (prefix, model) in [("generator", generator), ("recommender", recommender)] {
            for (i, p) in model.parameters.enumerated() {
                let t = try weights.tensor("\(prefix).\(i)")
                guard t.shape == p.shape else {
                    throw bad("\(prefix) parameter \(i) is \(t.shape) in the checkpoint, \(p.shape) in the model: not this run's model")
                }
                p.data = t.values
            }
        }
        curve = try points.map { try Self.decode($0, bad) }
        idPhaseLosses = (json["id_phase_losses"]?.arrayValue ?? []).compactMap { v in
            guard let a = v.arrayValue, a.count == 3, let r = a[0].intValue, let b = a[1].doubleValue, let c = a[2].doubleValue else { return nil }
            return (r, b, c)
        }
        try state.restore(runner)
        return index
    }

    /// Removes the phase checkpoints and recommender-phase step checkpoints of an earlier run in `directory`.
    func clearCheckpoints(_ state: AlternateCheckpointing) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: state.directory.path) else { return }
        for name in names where name == "alternate.json" || name.hasPrefix("alternate-phase-") || name.hasPrefix("recommender-round") {
            try? fm.removeItem(at: state.directory.appendingPathComponent(name))
        }
    }

    static func encode(_ p: CurvePoint) -> JSONValue {
        .object([("round", .int(p.round)), ("phase", .string(p.phase)), ("step", .int(p.step)), ("epoch", .double(p.epoch)),
                 ("loss", .double(p.loss)), ("lr", .double(Double(p.learningRate))), ("samples_per_s", .double(p.samplesPerSecond)),
                 ("tokens_per_s", p.tokensPerSecond.map { .double($0) } ?? .null),
                 ("validation", p.validation.map { .double($0) } ?? .null)])
    }

    static func decode(_ v: JSONValue, _ bad: (String) -> RunCheckpointError) throws -> CurvePoint {
        guard let round = v["round"]?.intValue, let phase = v["phase"]?.stringValue, let step = v["step"]?.intValue,
              let epoch = v["epoch"]?.doubleValue, let loss = v["loss"]?.doubleValue, let lr = v["lr"]?.doubleValue,
              let rate = v["samples_per_s"]?.doubleValue else { throw bad("a curve point is incomplete") }
        return CurvePoint(round: round, phase: phase, step: step, epoch: epoch, loss: loss, learningRate: Float(lr),
                          samplesPerSecond: rate, tokensPerSecond: v["tokens_per_s"]?.doubleValue,
                          validation: v["validation"]?.doubleValue)
    }
}
