// The stages of the recommendation graph, in run order, as an experiment file names them
// (ARCHITECTURE.md, "The pipeline"): each stage holds components of one kind; metrics and reporters hold lists.
public enum StageKey: String, CaseIterable, Sendable {
    case dataset, split
    case itemIDs = "item_ids"
    case userIDs = "user_ids"
    case prompt, tokenizer, model, trainer, decoder, metrics, reporters

    public var kind: ComponentKind {
        switch self {
        case .dataset: return .dataset
        case .split: return .split
        case .itemIDs: return .itemIDs
        case .userIDs: return .userIDs
        case .prompt: return .prompt
        case .tokenizer: return .tokenizer
        case .model: return .model
        case .trainer: return .trainer
        case .decoder: return .decoder
        case .metrics: return .metric
        case .reporters: return .reporter
        }
    }

    public var isList: Bool { self == .metrics || self == .reporters }

    /// What the component of this stage must provide for the runner to use it (the trainer stage trains the
    /// run's recommender: `id-generator` trains generators and is refused here, at validation).
    public var capability: (Capability, role: String)? {
        self == .trainer ? (.trainsRecommender, "train the run's recommender") : nil
    }

    /// A run cannot start without these; the others are optional or have a default below.
    public var isRequired: Bool { [.dataset, .itemIDs, .tokenizer, .model].contains(self) }

    /// What a missing stage means (used only when those components are registered). Paper protocol:
    /// leave-one-out split, no user IDs, beam search over the ID trie, HR and NDCG at 5 and 10.
    public var defaultChoices: [ComponentChoice] {
        switch self {
        case .split: return [ComponentChoice(name: "leave-one-out")]
        case .userIDs: return [ComponentChoice(name: "none")]
        case .prompt: return [ComponentChoice(name: "template-file")]
        case .trainer: return [ComponentChoice(name: "recommender")]
        case .decoder: return [ComponentChoice(name: "trie-beam")]
        case .metrics: return ["hr@5", "hr@10", "ndcg@5", "ndcg@10"].map { ComponentChoice(name: $0) }
        case .reporters: return [ComponentChoice(name: "table"), ComponentChoice(name: "json")]
        default: return []
        }
    }
}
