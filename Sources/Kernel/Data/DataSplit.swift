// A split of a dataset into training, validation and test samples. `trainingSequences` is the only per-user
// sequence data downstream components (item IDs, user IDs, tokenizer training) may see: the training part of
// each user, never a validation or test target (ItemIDInput takes exactly this).
//
// Legend: U users, S samples, L length.

public struct DataSplit: Sendable {
    public var train: [Sample]                 // [S_train] every training prefix with its next item
    public var valid: [Sample]                 // [S_valid]
    public var test: [Sample]                  // [S_test]
    public var trainingSequences: [[Int]]      // [U][L] training part of each user, oldest first
    public var notes: [String]                 // split remarks for the run report

    public init(train: [Sample], valid: [Sample], test: [Sample], trainingSequences: [[Int]], notes: [String] = []) {
        self.train = train
        self.valid = valid
        self.test = test
        self.trainingSequences = trainingSequences
        self.notes = notes
    }
}
