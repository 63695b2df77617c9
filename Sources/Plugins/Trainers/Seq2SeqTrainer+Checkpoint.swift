// Resumable training state, written atomically (each file: temporary file + rename; the weights file first,
// state.json last and naming the step the weights hold, so a kill between the two is detected, never
// half-used): parameters, AdamW moments, best weights, the batch generator at the current epoch's start
// with the cursor into that epoch, and the dropout generator. Resuming replays the epoch's batch order
// and skips the batches done, so the continued run is the uninterrupted one, step for step.
import Foundation

extension Seq2SeqTrainer {
    struct ResumeState {
        var step: Int
        var cursor: Int
        var batchRNG: UInt64
        var bestValidation: Double?
        var sinceBest: Int
        var best: [[Float]]?
        var finished: Bool
        /// The learning-rate plan when it was written (nil in states from before it was kept).
        var plan: StepPlan?
    }

    static func saveCheckpoint(_ dir: URL, step: Int, cursor: Int, batchRNG: UInt64, params: [Tensor], optimizer: AdamW,
                               model: any GenerativeModel, bestValidation: Double?, sinceBest: Int, best: [[Float]]?, plan: StepPlan,
                               finished: Bool = false) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let (adamStep, m, v) = optimizer.state
        var tensors: [(String, NamedArray)] = []
        for (i, p) in params.enumerated() {
            tensors.append(("param.\(i)", NamedArray(shape: p.shape, values: p.data)))
            tensors.append(("adam_m.\(i)", NamedArray(shape: p.shape, values: m[i])))
            tensors.append(("adam_v.\(i)", NamedArray(shape: p.shape, values: v[i])))
            if let best { tensors.append(("best.\(i)", NamedArray(shape: p.shape, values: best[i]))) }
        }
        try SafeTensors.write(tensors, metadata: ["step": String(step)], to: dir.appendingPathComponent("weights.safetensors"))
        let state = JSONValue.object([
            ("step", .int(step)), ("cursor", .int(cursor)), ("adam_step", .int(adamStep)),
            // UInt64 generator states as strings: JSON integers stop at 2^63.
            ("batch_rng", .string(String(batchRNG))), ("dropout_rng", .string(String(model.dropoutRNG.state))),
            ("best_validation", bestValidation.map { .double($0) } ?? .null), ("since_best", .int(sinceBest)),
            ("finished", .bool(finished)), ("steps_planned", .int(plan.total)), ("steps_laid_out", .int(plan.laidOut)), ("warmup_steps", .int(plan.warmup)),
            ("replan_step", plan.replanStep.map { .int($0) } ?? .null),
            ("replan_factor", plan.replanFactor.map { .double(Double($0)) } ?? .null),
        ])
        try AtomicFile.write(state.serialized(pretty: true) + "\n", to: dir.appendingPathComponent("state.json"))
    }

    /// Restores parameters, optimizer and dropout generator; nil when `dir` holds no state (a fresh start).
    static func loadCheckpoint(_ dir: URL, params: [Tensor], optimizer: AdamW, model: any GenerativeModel) throws -> ResumeState? {
        let stateURL = dir.appendingPathComponent("state.json")
        guard FileManager.default.fileExists(atPath: stateURL.path) else { return nil }
        let state = try JSONValue.parse(contentsOf: stateURL)
        let weights = try SafeTensors.read(contentsOf: dir.appendingPathComponent("weights.safetensors"))
        guard let step = state["step"]?.intValue, let cursor = state["cursor"]?.intValue, let adamStep = state["adam_step"]?.intValue,
              let batchRNG = state["batch_rng"]?.stringValue.flatMap(UInt64.init),
              let dropoutRNG = state["dropout_rng"]?.stringValue.flatMap(UInt64.init) else {
            throw RunCheckpointError(file: stateURL.path, problem: "missing or ill-typed fields")
        }
        guard weights.metadata["step"] == String(step) else {
            throw RunCheckpointError(file: dir.path, problem: "weights.safetensors holds step \(weights.metadata["step"] ?? "?") but state.json says \(step); the run was stopped between the two writes — resume cannot continue exactly, start the run again")
        }
        var m: [[Float]] = [], v: [[Float]] = [], best: [[Float]] = []
        for (i, p) in params.enumerated() {
            let values = try weights.tensor("param.\(i)")
            guard values.shape == p.shape else {
                throw RunCheckpointError(file: dir.path, problem: "parameter \(i) is \(values.shape) in the checkpoint, \(p.shape) in the model: not this run's model")
            }
            p.data = values.values
            m.append(try weights.tensor("adam_m.\(i)").values)
            v.append(try weights.tensor("adam_v.\(i)").values)
            if let b = weights["best.\(i)"] { best.append(b.values) }
        }
        optimizer.restore(step: adamStep, m: m, v: v)
        model.dropoutRNG = SplitMix64(seed: dropoutRNG)
        return ResumeState(step: step, cursor: cursor, batchRNG: batchRNG, bestValidation: state["best_validation"]?.doubleValue,
                           sinceBest: state["since_best"]?.intValue ?? 0, best: best.count == params.count ? best : nil,
                           finished: state["finished"]?.boolValue ?? false,
                           plan: state["steps_planned"]?.intValue.map { total in
                               StepPlan(total: total, laidOut: state["steps_laid_out"]?.intValue ?? total, warmup: state["warmup_steps"]?.intValue ?? 0, replanStep: state["replan_step"]?.intValue,
                                        replanFactor: state["replan_factor"]?.doubleValue.map { Float($0) })
                           })
    }
}

/// A resumable checkpoint that cannot be used, with the file and the reason.
public struct RunCheckpointError: Error, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file): cannot resume: \(problem)" }
}
