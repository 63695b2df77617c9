// The `temporal` split: one global time cut for everyone, so no training interaction happens after any
// evaluated one (leave-one-out lets one user's training item postdate another user's test item).
// Interactions before `valid_from` are training; a user's first interaction in [valid_from, test_from) is
// their validation target and their first at or after `test_from` the test target (or every one, with
// `targets: all`). Histories hold everything the user did before the target, cut to `max_history`.
// Cuts are given as times or derived from quantiles of all interaction times.
//
// Legend: U users, L sequence length.

public struct TemporalSplit: SplitStrategy {
    public enum Targets: String, Codable, Sendable { case first, all }

    public struct Config: ComponentConfig, Equatable, Sendable {
        /// `first` (default): one target per user and window; `all`: every interaction in the window.
        public var targets: Targets = .first
        /// Most recent items kept in a sample's history.
        public var maxHistory: Int = 20
        /// Share of all interactions (latest first) that form the test window, when `test_from` is not given.
        public var testFraction: Double = 0.1
        /// Share of all interactions just before the test window that form the validation window.
        public var validFraction: Double = 0.1
        /// Explicit cut times (seconds since epoch); override the fractions.
        public var validFrom: Int64? = nil
        public var testFrom: Int64? = nil

        public init() {}
        public init(maxHistory: Int = 20, testFraction: Double = 0.1, validFraction: Double = 0.1,
                    validFrom: Int64? = nil, testFrom: Int64? = nil, targets: Targets = .first) {
            self.maxHistory = maxHistory
            self.testFraction = testFraction
            self.validFraction = validFraction
            self.validFrom = validFrom
            self.testFrom = testFrom
            self.targets = targets
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(maxHistory >= 1, "max_history", "must be ≥ 1, got \(maxHistory)")
            c.require(testFraction > 0, "test_fraction", "must be > 0, got \(testFraction)")
            c.require(validFraction >= 0, "valid_fraction", "must be ≥ 0, got \(validFraction)")
            c.require(testFraction + validFraction < 1, "valid_fraction",
                      "test_fraction + valid_fraction must be < 1, got \(testFraction + validFraction)")
            if let v = validFrom, let t = testFrom { c.require(v <= t, "valid_from", "is after test_from (\(t)), got \(v)") }
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) { self.config = config }

    /// The (valid_from, test_from) cut times for `data`.
    public func cuts(_ data: Interactions) throws -> (validFrom: Int64, testFrom: Int64) {
        guard let times = data.timestamps else {
            throw DatasetError.unsupported(dataset: data.name,
                                           reason: "the temporal split needs interaction times and this dataset has none (idgenrec-folder data has no times: use leave-one-out)")
        }
        let c = config
        if let p = c.validate().first { throw DatasetError.invalidConfig(component: "temporal", reason: p.description) }
        if let v = c.validFrom, let t = c.testFrom { return (v, t) }
        let all = times.flatMap { $0 }.sorted()
        guard !all.isEmpty else { throw DatasetError.empty(file: data.name, reason: "no interactions to split") }
        let testFrom = c.testFrom ?? all[min(all.count - 1, Int(Double(all.count) * (1 - c.testFraction)))]
        let validFrom = c.validFrom ?? all[min(all.count - 1, Int(Double(all.count) * (1 - c.testFraction - c.validFraction)))]
        return (min(validFrom, testFrom), testFrom)
    }

    public func split(_ data: Interactions) throws -> DataSplit {
        let (validFrom, testFrom) = try cuts(data)
        let times = data.timestamps!
        var train: [Sample] = [], valid: [Sample] = [], test: [Sample] = []
        var trainingSequences: [[Int]] = []
        var noHistory = 0
        for (u, seq) in data.sequences.enumerated() {
            let t = times[u]
            let trainEnd = t.firstIndex(where: { $0 >= validFrom }) ?? seq.count
            trainingSequences.append(Array(seq[..<trainEnd]))
            for p in stride(from: 1, to: trainEnd, by: 1) { train.append(sample(u, seq, p)) }
            var tookValid = false, tookTest = false
            for p in trainEnd..<seq.count {
                let isTest = t[p] >= testFrom
                if (isTest ? tookTest : tookValid) && config.targets == .first { continue }
                if p == 0 { noHistory += 1; continue }
                if isTest { test.append(sample(u, seq, p)); tookTest = true } else { valid.append(sample(u, seq, p)); tookValid = true }
            }
        }
        var notes = ["temporal cut: valid from \(validFrom), test from \(testFrom) (seconds since epoch)"]
        if noHistory > 0 { notes.append("\(noHistory) target(s) without any earlier interaction were left out") }
        return DataSplit(train: train, valid: valid, test: test, trainingSequences: trainingSequences, notes: notes)
    }

    func sample(_ u: Int, _ seq: [Int], _ p: Int) -> Sample {
        Sample(user: u, history: Array(seq[max(0, p - config.maxHistory)..<p]), target: seq[p], position: p)
    }
}
