// The `prompt` component: turns a sample (history → target) into the (input text, target text) pair the
// seq2seq recommender trains on, given each item's ID string and the user's ID string.
//
// Legend: L history length.

/// One training or evaluation example as text.
public struct PromptPair: Equatable, Sendable {
    public var input: String
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}

public protocol PromptFormat {
    /// The prompt for `sample`; `index` is the sample's position in its list (seeded template choice uses it,
    /// so the choice does not depend on evaluation order). `itemIDs` is [N], one ID string per item.
    func prompt(for sample: Sample, index: Int, itemIDs: [String], userID: String, dataset: String) throws -> PromptPair
}
