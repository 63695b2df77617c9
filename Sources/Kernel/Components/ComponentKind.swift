// The kinds of component a pipeline is made of (ARCHITECTURE.md, "The pipeline"). The manifest's `kind`
// field and the experiment file's stage keys use these raw values.
public enum ComponentKind: String, CaseIterable, Sendable, Codable {
    case dataset
    case split
    case itemIDs = "item-ids"
    case userIDs = "user-ids"
    case prompt
    case tokenizer
    case model
    case trainer
    case decoder
    case metric
    case reporter
    case recommender
}
