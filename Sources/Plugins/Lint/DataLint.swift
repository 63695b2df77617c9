// Data lint, run on every load (results go to the run report). Each rule catches a mistake that has ruined
// published numbers in this field:
//   sorted-by-id           sequences in raw-id order rather than time (the IDGenRec copies of Sports and Toys)
//   repeated-items         users who interact with an item twice (legitimate on Yelp, suspicious on Amazon)
//   test-target-in-history the last item (leave-one-out test target) already occurs earlier in the sequence
//   items-without-text     catalog items with empty text (textual IDs have nothing to work from)
//   short-users            users with fewer than `min_user_length` items (no train + valid + test)
//   duplicate-texts        items with identical text (textual IDs cannot tell them apart)
//
// Legend: U users, N items.

public struct DataLint {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Share of users (with ≥ 3 items) whose sequence is in increasing raw-id order above which the
        /// dataset is reported as sorted by id.
        public var sortedShareThreshold: Double = 0.9
        /// Users shorter than this are reported (leave-one-out needs 3).
        public var minUserLength: Int = 3
        /// Examples listed per finding.
        public var maxExamples: Int = 5

        public init() {}

        public init(sortedShareThreshold: Double = 0.9, minUserLength: Int = 3, maxExamples: Int = 5) {
            self.sortedShareThreshold = sortedShareThreshold
            self.minUserLength = minUserLength
            self.maxExamples = maxExamples
        }
    }

    public let config: Config

    public init(config: Config = Config()) { self.config = config }

    /// All findings for `data`, most severe first (rules with nothing to report are left out).
    public func lint(_ data: Interactions) -> [LintFinding] {
        let findings = [sortedByID(data), repeatedItems(data), targetInHistory(data), itemsWithoutText(data),
                        shortUsers(data), duplicateTexts(data)].compactMap { $0 }
        return findings.enumerated().sorted { ($0.element.severity, -$0.offset) > ($1.element.severity, -$1.offset) }.map(\.element)
    }

    /// The share of users with ≥ 3 items whose items are in non-decreasing raw-id order (numeric order when
    /// every raw id is a number, byte order otherwise).
    public func sortedShare(_ data: Interactions) -> (share: Double, sortedUsers: [Int]) {
        let numbers = data.items.map { Int($0.rawID) }
        let numeric = !numbers.contains(nil)
        let keys = data.items.map { Array($0.rawID.utf8) }
        func inOrder(_ a: Int, _ b: Int) -> Bool {
            numeric ? numbers[a]! <= numbers[b]! : !keys[b].lexicographicallyPrecedes(keys[a])
        }
        var eligible = 0
        var sorted: [Int] = []
        for (u, s) in data.sequences.enumerated() where s.count >= 3 {
            eligible += 1
            if zip(s, s.dropFirst()).allSatisfy({ inOrder($0, $1) }) { sorted.append(u) }
        }
        return (eligible == 0 ? 0 : Double(sorted.count) / Double(eligible), sorted)
    }

    func sortedByID(_ data: Interactions) -> LintFinding? {
        let (share, users) = sortedShare(data)
        guard share > config.sortedShareThreshold else { return nil }
        return LintFinding(severity: .error, rule: "sorted-by-id", count: users.count,
                           message: "\(percent(share)) of users' sequences are in increasing item-id order: the file looks sorted by id, not by time, so 'next item' is meaningless (re-export the sequences in time order)",
                           examples: users.prefix(config.maxExamples).map { data.userIDs[$0] })
    }

    func repeatedItems(_ data: Interactions) -> LintFinding? {
        let users = data.sequences.indices.filter { Set(data.sequences[$0]).count < data.sequences[$0].count }
        guard !users.isEmpty else { return nil }
        return LintFinding(severity: .info, rule: "repeated-items", count: users.count,
                           message: "users interact with the same item more than once (normal for visits, suspicious for purchases)",
                           examples: users.prefix(config.maxExamples).map { data.userIDs[$0] })
    }

    func targetInHistory(_ data: Interactions) -> LintFinding? {
        let users = data.sequences.indices.filter { u in
            let s = data.sequences[u]
            return s.count >= 2 && s.dropLast().contains(s[s.count - 1])
        }
        guard !users.isEmpty else { return nil }
        return LintFinding(severity: .warning, rule: "test-target-in-history", count: users.count,
                           message: "the last item (the leave-one-out test target) already occurs in the user's history: such targets are easy hits, report them or filter repeats",
                           examples: users.prefix(config.maxExamples).map { data.userIDs[$0] })
    }

    func itemsWithoutText(_ data: Interactions) -> LintFinding? {
        let items = data.items.indices.filter { data.items[$0].text.allSatisfy(\.isWhitespace) }
        guard !items.isEmpty else { return nil }
        return LintFinding(severity: .warning, rule: "items-without-text", count: items.count,
                           message: "items with empty text: textual, title and keyword IDs have nothing to build from",
                           examples: items.prefix(config.maxExamples).map { data.items[$0].rawID })
    }

    func shortUsers(_ data: Interactions) -> LintFinding? {
        let users = data.sequences.indices.filter { data.sequences[$0].count < config.minUserLength }
        guard !users.isEmpty else { return nil }
        return LintFinding(severity: .warning, rule: "short-users", count: users.count,
                           message: "users with fewer than \(config.minUserLength) items cannot give a training item plus validation and test targets",
                           examples: users.prefix(config.maxExamples).map { data.userIDs[$0] })
    }

    func duplicateTexts(_ data: Interactions) -> LintFinding? {
        var first: [String: Int] = [:]
        var dupes: [Int] = []
        for (i, item) in data.items.enumerated() where !item.text.allSatisfy(\.isWhitespace) {
            if first[item.text] != nil { dupes.append(i) } else { first[item.text] = i }
        }
        guard !dupes.isEmpty else { return nil }
        return LintFinding(severity: .warning, rule: "duplicate-texts", count: dupes.count,
                           message: "items whose text equals an earlier item's: text-derived IDs cannot tell them apart (IDs get disambiguated)",
                           examples: dupes.prefix(config.maxExamples).map { "\(data.items[$0].rawID) = \(data.items[first[data.items[$0].text]!].rawID)" })
    }

    func percent(_ x: Double) -> String { "\((x * 1000).rounded() / 10)%" }
}
