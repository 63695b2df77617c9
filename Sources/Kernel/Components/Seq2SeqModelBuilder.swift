// The `model` component: the sequence-to-sequence model both IDGenRec models are (a T5 here): a preset
// shape with the shared vocabulary's size, or a HF checkpoint.
public protocol Seq2SeqModelBuilder {
    /// A model whose vocabulary holds `vocabularySize` tokens, initialized from `seed` (or a checkpoint).
    func makeModel(vocabularySize: Int, padID: Int, eosID: Int, seed: UInt64) throws -> T5Model
}
