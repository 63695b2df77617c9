// A user-ID strategy whose IDs the item-ID generator writes (IDGenRec's textual user IDs): one ID per
// user, regenerated after every ID-generator phase of alternate training, and a slot of its own in the
// soft prompt so the generator learns through it too.
//
// Legend: U users, S generator input tokens, L items read.
public protocol TrainableUserIDs: UserIDStrategy {
    /// [U] the IDs in force.
    var ids: [String] { get }
    /// [U][L] the items each user's ID was read from.
    var sources: [[Int]] { get }
    /// Report-card lines (key → value) of the last build.
    var report: [String: String] { get }
    /// [U][S] what the generator reads for each user, given the item IDs in force.
    func generatorInputs(itemIDs: [String], tokenizer: TextTokenizer) -> [[Int]]
    /// Every user ID again from `generator`.
    func regenerate(with generator: T5Model, itemIDs: [String], tokenizer: TextTokenizer) throws
    /// Takes `ids` as the IDs in force (a resumed run).
    func adopt(_ ids: [String])
}
