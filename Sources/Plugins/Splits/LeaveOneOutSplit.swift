// The `leave-one-out` split (P5 / IDGenRec protocol): per user, the last item is the test target, the
// second-to-last the validation target, the rest is training, where every prefix predicts its next item.
// Histories are cut to the last `max_history` items (20 in the reference). Users shorter than 3 cannot give
// a training item plus valid and test targets; they stay training-only and are counted in the notes.
//
// Legend: U users, L sequence length.

public struct LeaveOneOutSplit: SplitStrategy {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Most recent items kept in a sample's history (IDGenRec/P5 use 20).
        public var maxHistory: Int = 20

        public init() {}
        public init(maxHistory: Int = 20) { self.maxHistory = maxHistory }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(maxHistory >= 1, "max_history", "must be ≥ 1, got \(maxHistory)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) { self.config = config }

    public func split(_ data: Interactions) throws -> DataSplit {
        if let p = config.validate().first { throw DatasetError.invalidConfig(component: "leave-one-out", reason: p.description) }
        var train: [Sample] = [], valid: [Sample] = [], test: [Sample] = []
        var trainingSequences: [[Int]] = []
        trainingSequences.reserveCapacity(data.userCount)
        var short = 0
        for (u, seq) in data.sequences.enumerated() {
            let trainEnd = seq.count >= 3 ? seq.count - 2 : seq.count
            if seq.count < 3 { short += 1 }
            trainingSequences.append(Array(seq[..<trainEnd]))
            for p in stride(from: 1, to: trainEnd, by: 1) { train.append(sample(u, seq, p)) }
            if seq.count >= 3 {
                valid.append(sample(u, seq, seq.count - 2))
                test.append(sample(u, seq, seq.count - 1))
            }
        }
        var notes: [String] = []
        if short > 0 { notes.append("\(short) user(s) shorter than 3 items are training-only (no valid/test target)") }
        return DataSplit(train: train, valid: valid, test: test, trainingSequences: trainingSequences, notes: notes)
    }

    /// The sample predicting `seq[p]` from the (at most max_history) items before it.
    func sample(_ u: Int, _ seq: [Int], _ p: Int) -> Sample {
        Sample(user: u, history: Array(seq[max(0, p - config.maxHistory)..<p]), target: seq[p], position: p)
    }
}
