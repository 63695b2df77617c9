// The `model` component: the run's generative recommender — the T5 (`t5`, the model IDGenRec's paper uses)
// or the decoder-only `causal` model: a preset shape with the shared vocabulary's size, or a HF checkpoint.
public protocol Seq2SeqModelBuilder {
    /// A model whose vocabulary holds `vocabularySize` tokens, initialized from `seed` (or a checkpoint).
    func makeModel(vocabularySize: Int, padID: Int, eosID: Int, seed: UInt64) throws -> any GenerativeModel
}
