// What can stop IDGenRec's alternate training, worded as advice.
public enum AlternateTrainingError: Error, CustomStringConvertible, Equatable {
    /// The soft ID multiplies generator distributions by the recommender's table: one vocabulary for both.
    case vocabularyMismatch(generator: Int, recommender: Int)
    /// A prompt slot names a generator input that was not given.
    case unknownGeneratorInput(index: Int, count: Int)
    case noSamples(phase: String)
    case diverged(phase: String, step: Int, loss: Float)
    /// Tests only: stopped right after the checkpoint of this phase, as a kill would.
    case stoppedAfterPhase(Int)
    /// The run's item-ID strategy has no trainable generator (validation normally refuses this first).
    case needsTrainableIDs(strategy: String)
    /// The recommender has no encoder whose input embeddings soft IDs can replace (the causal model).
    case needsEncoderPrompts(model: String)
    /// A saved state that is not this run's (resume).
    case badState(String)

    public var description: String {
        switch self {
        case let .vocabularyMismatch(g, r):
            return "the ID generator has a vocabulary of \(g) tokens and the recommender \(r): the soft ID needs one shared tokenizer — resize both models after adding atomic tokens"
        case let .unknownGeneratorInput(k, n):
            return "a soft prompt slot refers to generator input \(k), but only \(n) generator inputs (item texts) were given — rebuild the soft samples from the same item list"
        case let .noSamples(phase):
            return "\(phase): no training prompts — check the split and the prompt templates"
        case let .diverged(phase, step, loss):
            return "\(phase) diverged at step \(step) (loss \(loss)); the last good generator weights were kept — lower generator_learning_rate"
        case let .stoppedAfterPhase(i):
            return "stopped after phase \(i) as asked; run again with --resume to continue"
        case let .needsTrainableIDs(strategy):
            return "alternate training needs an item-ID strategy with a trainable ID generator (e.g. item_ids 'textual'); got \(strategy)"
        case let .needsEncoderPrompts(model):
            return "alternate training splices soft IDs into the recommender's encoder input: it needs the t5 model, got \(model)"
        case let .badState(problem):
            return "cannot resume: \(problem)"
        }
    }
}
