// The ID generator's greedy output for a batch of generator inputs, kept differentiable: the chosen tokens
// (discrete, no gradient — as in the reference, which feeds the argmax back) and, per position, the weights
// (probabilities or log-probabilities) that carry the gradient back into the generator.
//
// Legend: N generator inputs decoded (distinct in the batch), T decoded positions, V vocabulary.
public struct SoftIDs {
    /// [N] generator input index of each row.
    public let inputs: [Int]
    /// [N] greedy tokens, ending with `</s>` when the generator emitted it within the step limit.
    public let tokens: [[Int]]
    /// [N] positions spliced into prompts: those before `</s>` (or all T when masking is off).
    public let lengths: [Int]
    /// [N, T, V] per-position weights over the vocabulary.
    public let weights: Tensor
    private let rowOfInput: [Int: Int]

    /// Also the entry point for tests that inject distributions (e.g. one-hot) directly.
    public init(inputs: [Int], tokens: [[Int]], lengths: [Int], weights: Tensor) {
        precondition(weights.rank == 3 && weights.shape[0] == inputs.count && tokens.count == inputs.count && lengths.count == inputs.count,
                     "SoftIDs: \(inputs.count) inputs but weights \(weights.shape), \(tokens.count) token rows, \(lengths.count) lengths")
        precondition(lengths.allSatisfy { $0 >= 0 && $0 <= weights.shape[1] }, "SoftIDs: a length exceeds the \(weights.shape[1]) positions")
        self.inputs = inputs
        self.tokens = tokens
        self.lengths = lengths
        self.weights = weights
        var rows: [Int: Int] = [:]
        for (r, k) in inputs.enumerated() { rows[k] = r }
        rowOfInput = rows
    }

    public var positions: Int { weights.shape[1] }

    /// The row that decoded generator input `k`.
    public func row(of k: Int) -> Int? { rowOfInput[k] }

    /// The hard ID of row r as it stands in a prompt: the tokens before `</s>`.
    public func hardID(row r: Int) -> [Int] { Array(tokens[r].prefix(lengths[r])) }
}
