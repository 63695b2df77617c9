// `alternate`: IDGenRec's training (Tan et al. 2024, §3.4) — rounds of
//   [ID-generator phase: recommender frozen, generator updated through soft IDs (SoftIDPrompt)]
//   [regenerate every item's ID, rebuild trie and prompts — `AlternateRun`]
//   [recommender phase: generator frozen, ordinary prompt → target-ID training (Seq2SeqTrainer)]
// in the order the config names. This file is the engine: it asks for fresh training material at the start
// of every phase (the closures `AlternateRun` answers in a run, a test's own in unit tests), so a phase
// always sees the current IDs. `AlternateTrainer+Session.swift` makes it a run's `Trainer`.
//
// Legend: P prompts, K generator inputs (item texts, plus user texts when user IDs are textual).
import Foundation

public final class AlternateTrainer: DeclaresCapabilities {
    public static var requires: [ComponentRequirement] {
        [ComponentRequirement(.itemIDs, provides: .trainableIDGenerator,
                              because: "alternate training updates the ID generator through soft IDs and regenerates the IDs between phases"),
         ComponentRequirement(.model, provides: .encoderPrompts,
                              because: "soft IDs replace token embeddings in the recommender's encoder input")]
    }

    /// One row of the curves of every phase.
    public struct CurvePoint: Equatable {
        public var round: Int
        public var phase: String           // "id-generator" or "recommender"
        public var step: Int
        public var epoch: Double
        public var loss: Double
        public var learningRate: Float
        public var samplesPerSecond: Double
        public var tokensPerSecond: Double?
        public var validation: Double?
    }

    public let config: Config
    public internal(set) var curve: [CurvePoint] = []
    /// Mean soft-prompt loss of (the first `id_phase_eval_samples`) training prompts before and after each
    /// ID phase (eval mode, no gradients), by round.
    public internal(set) var idPhaseLosses: [(round: Int, before: Double, after: Double)] = []
    /// Optimizer steps taken, both models, all phases.
    public internal(set) var stepsDone = 0
    /// Optimizer steps the phases were sized for, both models, all phases run.
    public internal(set) var stepsPlanned = 0

    public init(config: Config = Config()) {
        self.config = config
    }

    /// Runs every round. `generatorInputs()[k]`: the generator's input tokens for ID slot k (item text, or a
    /// user's item IDs, with `</s>`). `generatorInputs`, `softSamples` and `recommenderPairs` are asked for at
    /// the start of each phase (after the latest `regenerate`); `regenerate` rewrites every ID with the (frozen) generator and rebuilds the trie
    /// and prompts; `validate` (higher is better) picks the best recommender weights of each phase.
    public func train(generator: T5Model, recommender: T5Model, generatorInputs: () throws -> [[Int]],
                      softSamples: () throws -> [SoftSample],
                      recommenderPairs: () throws -> [Seq2SeqPair],
                      regenerate: (T5Model) throws -> Void,
                      validate: ((any GenerativeModel) throws -> Double)? = nil,
                      seed: UInt64, progress: ProgressHandler? = nil,
                      checkpointing: AlternateCheckpointing? = nil) throws {
        var first = 0
        if let state = checkpointing {
            if state.resume {
                if let done = try loadPhase(state, generator: generator, recommender: recommender) { first = done + 1 }
            } else {
                clearCheckpoints(state)      // a fresh start: no state of an earlier run may be resumed later
            }
        }
        let started = Date()
        for (index, phase) in plan.enumerated() where index >= first {
            // A whole-run time limit (a minutes budget): each phase gets an equal share of what is left (time a
            // phase leaves unused goes to the later ones), and a recommender phase sizes its schedule to its share;
            // once the time is spent no new ID phase starts (its regenerated IDs would go untrained).
            var minutes = config.maxMinutesPerPhase
            if config.maxMinutes > 0 {
                let left = config.maxMinutes - Date().timeIntervalSince(started) / 60
                if left <= 0 && phase.kind == .idGenerator { break }
                let share = left / Double(plan.count - index)
                minutes = max(minutes > 0 ? min(minutes, share) : share, 1e-6)
            }
            switch phase.kind {
            case .idGenerator:
                try trainIDPhase(generator: generator, recommender: recommender, generatorInputs: try generatorInputs(),
                                 samples: try softSamples(), round: phase.round, seed: seed, maxMinutes: minutes, progress: progress)
                try frozen(generator) { try regenerate(generator) }
            case .recommender:
                try trainRecommenderPhase(recommender, generator: generator, pairs: try recommenderPairs(), round: phase.round,
                                          seed: seed, validate: validate, progress: progress,
                                          checkpointDirectory: checkpointing?.directory.appendingPathComponent("recommender-round\(phase.round)"),
                                          resume: checkpointing?.resume ?? false, maxMinutes: minutes)
            }
            if let state = checkpointing {
                try savePhase(index, state, generator: generator, recommender: recommender)
                if let stop = state.stopAfterPhase, index >= stop { throw AlternateTrainingError.stoppedAfterPhase(index) }
            }
        }
    }

    /// One recommender phase: the generator is not involved (its weights are not touched).
    public func trainRecommenderPhase(_ recommender: T5Model, generator: T5Model, pairs: [Seq2SeqPair], round: Int,
                                      seed: UInt64, validate: ((any GenerativeModel) throws -> Double)? = nil,
                                      progress: ProgressHandler? = nil, checkpointDirectory: URL? = nil,
                                      resume: Bool = false, maxMinutes: Double? = nil) throws {
        var phaseConfig = config.recommenderPhase
        if let maxMinutes { phaseConfig.length.maxMinutes = maxMinutes }
        let trainer = Seq2SeqTrainer(config: phaseConfig, phase: "recommender-round\(round)")
        trainer.checkpointDirectory = checkpointDirectory
        trainer.resume = resume
        try frozen(generator) {
            try trainer.train(model: recommender, pairs: pairs, seed: seed, validate: validate, progress: progress)
        }
        stepsDone += trainer.stepsDone
        stepsPlanned += trainer.stepsPlanned
        curve += trainer.curve.map {
            CurvePoint(round: round, phase: "recommender", step: $0.step, epoch: $0.epoch, loss: $0.loss,
                       learningRate: $0.learningRate, samplesPerSecond: $0.samplesPerSecond, tokensPerSecond: nil,
                       validation: $0.validation)
        }
    }

    /// Runs `body` with `model`'s parameters out of autograd (no gradient is computed or kept for them).
    func frozen<T>(_ model: T5Model, _ body: () throws -> T) rethrows -> T {
        let params = model.parameters
        let flags = params.map(\.requiresGrad)
        for p in params { p.requiresGrad = false; p.zeroGrad() }
        defer { for (p, f) in zip(params, flags) { p.requiresGrad = f } }
        return try body()
    }

    /// All curves as one CSV (round, phase, step, epoch, loss, lr, samples/s, tokens/s, validation).
    public var curveCSV: String {
        var out = "round,phase,step,epoch,loss,learning_rate,samples_per_s,tokens_per_s,validation\n"
        for p in curve {
            out += "\(p.round),\(p.phase),\(p.step),\(String(format: "%.4f", p.epoch)),\(String(format: "%.6f", p.loss)),\(p.learningRate),"
            out += "\(String(format: "%.2f", p.samplesPerSecond)),\(p.tokensPerSecond.map { String(format: "%.1f", $0) } ?? ""),"
            out += "\(p.validation.map { String(format: "%.6f", $0) } ?? "")\n"
        }
        return out
    }
}

extension AlternateTrainer {
    func appendCurve(_ point: CurvePoint) { curve.append(point) }
    func recordIDPhase(round: Int, before: Double, after: Double) { idPhaseLosses.append((round, before, after)) }
}
