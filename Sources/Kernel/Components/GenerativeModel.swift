// What the pipeline needs from a run's recommender, whatever its backbone: the T5 (a prompt → an item ID)
// or the causal model (a user's items written as ID tokens, every position trained in one pass). Trainers
// train it on `trainingPairs`, the evaluation and validation decode `decodingSamples` through its incremental
// decoder (`Seq2SeqScorer`), and the run folder keeps it with `save`. ID strategies, prompts, decoders and
// metrics stay the same for every backbone: how a backbone reads the run is its own business.
//
// A `Seq2SeqPair` means "read `source`, then predict `target`" for both: the T5 encodes the source; the causal
// model reads source and target as one sequence and is scored on the target tokens only.
//
// Legend: P training pairs, S samples.
import Foundation

public protocol GenerativeModel: Seq2SeqScorer {
    var vocabularySize: Int { get }
    /// Every trainable tensor, in a stable order (optimizer state and checkpoints follow it).
    var parameters: [Tensor] { get }
    /// Norm weights: exempt from weight decay.
    var noDecayParameters: [Tensor] { get }
    /// Dropout on (training) or off (evaluation, decoding).
    var training: Bool { get set }
    /// Dropout randomness; reseeded from the run's seed by trainers.
    var dropoutRNG: SplitMix64 { get set }
    /// One line for the run log: the shape and the parameter count.
    var summary: String { get }

    /// A training step's computation, made once per training (it may keep per-core replicas): the mean
    /// token cross-entropy of a batch of pairs, with the gradients added to `parameters`.
    func makeTrainingStep(labelSmoothing: Float) -> ([Seq2SeqPair]) -> Float
    /// The length batches are bucketed by (what padding costs this model): the T5's source; the causal
    /// model's whole sequence.
    func cost(_ pair: Seq2SeqPair) -> Int
    /// What this model trains on in `run` [P].
    func trainingPairs(_ run: PreparedRun) -> [Seq2SeqPair]
    /// `samples` [S] with `input` laid out as this model reads a history (the same users, targets, histories).
    func decodingSamples(_ samples: [EvaluationSample], itemTokens: [[Int]]) -> [EvaluationSample]
    /// Writes the model as a Hugging Face checkpoint folder (config.json + model.safetensors), atomically.
    func save(to directory: URL) throws
    /// Grows the vocabulary to `size` (atomic tokens an ID strategy added); new rows drawn from `seed`.
    func resizeVocabulary(to size: Int, seed: UInt64)
}
