// The `dataset` and `split` components (ARCHITECTURE.md, "The pipeline"): a dataset loads interactions and
// the item catalog; a split turns them into samples, each holding exactly the items visible at its time.

public protocol DatasetSource {
    /// Loads the dataset: users' time-ordered item sequences and the item catalog.
    func load() throws -> Interactions
}

public protocol SplitStrategy {
    /// Splits `data` into training/validation/test samples and the training-visible sequences.
    func split(_ data: Interactions) throws -> DataSplit
}
