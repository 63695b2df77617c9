// Everything a `Trainer` is given: the recommender to train, the run's prepared material (which it may
// update), the budget, the seed, validation, progress and where resumable state lives.
import Foundation

public final class TrainingSession {
    /// The model being trained (its weights are the result): the T5, the causal model, or a user's own.
    public let recommender: any GenerativeModel
    /// Data, split, tokenizer, item IDs, trie, prompts: read, and updated by trainers that change IDs.
    public var run: PreparedRun
    /// The experiment's limits on training; `Budget.unlimited` = the trainer's own schedule.
    public let budget: Budget
    /// Every random choice of the training derives from this seed.
    public let seed: UInt64
    /// Scores a model on validation samples (higher is better); nil = no validation in this run.
    public let validation: ValidationScorer?
    public let progress: ProgressHandler?
    public let log: (String) -> Void
    /// The run's `trainer-state/` folder (resumable checkpoints); nil = no checkpoints.
    public let stateDirectory: URL?
    /// Continue from `stateDirectory` instead of starting over.
    public let resume: Bool
    /// Tests only: a phased trainer stops (as a kill would) right after the checkpoint of this phase.
    public var stopAfterPhase: Int?

    public init(recommender: any GenerativeModel, run: PreparedRun, budget: Budget = Budget(), seed: UInt64,
                validation: ValidationScorer? = nil, progress: ProgressHandler? = nil, log: @escaping (String) -> Void = { _ in },
                stateDirectory: URL? = nil, resume: Bool = false, stopAfterPhase: Int? = nil) {
        self.recommender = recommender
        self.run = run
        self.budget = budget
        self.seed = seed
        self.validation = validation
        self.progress = progress
        self.log = log
        self.stateDirectory = stateDirectory
        self.resume = resume
        self.stopAfterPhase = stopAfterPhase
    }

    /// The validation subset every trainer uses: up to `count` validation samples, in a seeded order
    /// (the same users whatever the trainer, so validations of different trainers are comparable).
    public func validationIndices(count: Int) -> [Int] {
        var rng = SplitMix64(seed: seed).derived("validation-subset")
        return Array(Array(run.validSamples.indices).shuffled(using: &rng).prefix(max(count, 0)))
    }
}
