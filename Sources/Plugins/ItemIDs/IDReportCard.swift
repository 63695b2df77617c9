// The ID report card: what every strategy's IDs look like to the decoder — how many items, whether
// every item has its own token sequence, how collisions were resolved, ID length in tokens, vocabulary added,
// and the shape of the trie beam search walks (depth, mean branching per level) — plus build time.
// With a tokenizer the sequences are the tokenizer's ids (the caller must already have added the strategy's
// atomic tokens, as the pipeline does before building the trie); without one, IDs are split on spaces and
// around `<…>` atomic tokens. The trie counts the end-of-ID marker as a child, as the decoder sees it.
//
// Legend: N items, T tokens of one ID.
import Foundation

public struct IDReportCard {
    public let strategy: String
    public let items: Int
    public let uniqueSequences: Int
    public let tokenLevel: Bool                // true: sequences from the tokenizer; false: split strings
    public let meanTokens: Double
    public let maxTokens: Int
    public let addedTokens: Int
    public let trieDepth: Int                  // longest ID in tokens (end marker excluded)
    public let branching: [Double]             // [depth] mean children of inner nodes at each level
    public let buildSeconds: Double
    public let strategyReport: [String: String]

    public init(strategy: String, assignment: ItemIDAssignment, tokenizer: TextTokenizer?, buildSeconds: Double) {
        let sequences: [[String]] = assignment.ids.map { id in
            if let t = tokenizer { return t.encode(id, addEOS: false).map(String.init) }
            return Self.split(id)
        }
        self.strategy = strategy
        items = sequences.count
        uniqueSequences = Set(sequences).count
        tokenLevel = tokenizer != nil
        meanTokens = sequences.isEmpty ? 0 : Double(sequences.reduce(0) { $0 + $1.count }) / Double(sequences.count)
        maxTokens = sequences.map(\.count).max() ?? 0
        addedTokens = assignment.addedTokens.count
        trieDepth = maxTokens
        branching = Self.trieBranching(sequences)
        self.buildSeconds = buildSeconds
        strategyReport = assignment.report
    }

    /// `<c1_3><i_0>` → ["<c1_3>", "<i_0>"]; `rose water 2` → ["rose", "water", "2"].
    public static func split(_ id: String) -> [String] {
        var out: [String] = []
        for word in id.split(separator: " ") {
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
                if open > rest.startIndex { out.append(String(rest[..<open])) }
                out.append(String(rest[open...close]))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { out.append(String(rest)) }
        }
        return out
    }

    /// Mean number of children of the trie nodes at each depth that have children (end marker included).
    static func trieBranching(_ sequences: [[String]]) -> [Double] {
        var children: [[String: Int]] = [[:]]            // node → (token → child node)
        var depthOf: [Int] = [0]
        for s in sequences {
            var node = 0
            for token in s + ["</id>"] {
                if let c = children[node][token] { node = c; continue }
                let c = children.count
                children[node][token] = c
                children.append([:])
                depthOf.append(depthOf[node] + 1)
                node = c
            }
        }
        let maxDepth = depthOf.max() ?? 0
        var sum = [Int](repeating: 0, count: maxDepth), count = [Int](repeating: 0, count: maxDepth)
        for (node, map) in children.enumerated() where !map.isEmpty {
            sum[depthOf[node]] += map.count
            count[depthOf[node]] += 1
        }
        return zip(sum, count).map { $1 > 0 ? Double($0) / Double($1) : 0 }
    }

    public var lines: [String] {
        var out = [
            "item IDs: \(strategy)",
            "items: \(items)",
            "unique \(tokenLevel ? "token" : "string-level") sequences: \(uniqueSequences)"
                + (uniqueSequences == items ? "" : " — \(items - uniqueSequences) items share a sequence"),
            "collisions: \(strategyReport["collisions"] ?? "not reported by the strategy")",
            String(format: "tokens per ID: mean %.2f, max %d", meanTokens, maxTokens),
            "vocabulary tokens added: \(addedTokens)",
            "trie depth: \(trieDepth) (+ end marker); mean branching per level: "
                + branching.prefix(12).map { String(format: "%.1f", $0) }.joined(separator: ", ")
                + (branching.count > 12 ? ", …" : ""),
            String(format: "build time: %.2f s", buildSeconds),
        ]
        for key in strategyReport.keys.sorted() where key != "collisions" {
            out.append("\(key): \(strategyReport[key]!)")
        }
        return out
    }
}
