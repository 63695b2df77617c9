// An item-ID strategy whose IDs come from a trainable T5 generator (IDGenRec's ID generator, §3.2): the
// `alternate` trainer fine-tunes `generator` through soft IDs, then has the strategy `regenerate` every
// ID with it. Conforming is what gives a strategy the `trainable-id-generator` capability — the registry
// derives it from this protocol, so what validation promises is what the run can do.
//
// Legend: N items, S generator input tokens.
public protocol TrainableIDGenerator: ItemIDStrategy {
    /// The generator of the last `assign` (nil before it).
    var generator: T5Model? { get }
    /// [N][S] what the generator reads for each item (tokens with EOS), as `assign` fed it.
    func generatorInputs(catalog: [CatalogItem], tokenizer: TextTokenizer) -> [[Int]]
    /// Every ID again from `generator` (after it was trained).
    func regenerate(with generator: T5Model, input: ItemIDInput) throws -> ItemIDAssignment
    /// Takes `ids` as the IDs in force (a resumed run restoring its state).
    func adopt(_ ids: [String])
}
