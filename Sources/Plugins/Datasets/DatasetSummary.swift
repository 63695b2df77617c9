// The numbers `idgenrec data` prints and the run report records about a loaded dataset: sizes, the
// distribution of sequence lengths, and how much of the catalog has text (per field).
import Foundation

public struct DatasetSummary: Equatable, Sendable {
    public var name: String
    public var users: Int
    public var items: Int
    public var interactions: Int
    public var lengthMin: Int
    public var lengthMedian: Int
    public var lengthMean: Double
    public var lengthP90: Int
    public var lengthMax: Int
    /// (label, users) for length buckets 1–2, 3–4, 5–9, 10–19, 20–49, 50+.
    public var lengthHistogram: [(String, Int)]
    public var itemsWithText: Int
    /// (field, items having it), most common first.
    public var fieldCoverage: [(String, Int)]
    public var hasTimestamps: Bool

    public init(_ data: Interactions) {
        name = data.name
        users = data.userCount
        items = data.itemCount
        interactions = data.interactionCount
        let lengths = data.sequences.map(\.count).sorted()
        lengthMin = lengths.first ?? 0
        lengthMax = lengths.last ?? 0
        lengthMedian = lengths.isEmpty ? 0 : lengths[lengths.count / 2]
        lengthP90 = lengths.isEmpty ? 0 : lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        lengthMean = lengths.isEmpty ? 0 : Double(interactions) / Double(lengths.count)
        let buckets: [(String, ClosedRange<Int>)] = [("1-2", 1...2), ("3-4", 3...4), ("5-9", 5...9), ("10-19", 10...19),
                                                     ("20-49", 20...49), ("50+", 50...Int.max)]
        lengthHistogram = buckets.map { label, range in (label, lengths.lazy.filter { range.contains($0) }.count) }
        itemsWithText = data.items.lazy.filter { !$0.text.allSatisfy(\.isWhitespace) }.count
        var counts: [String: Int] = [:]
        for item in data.items { for (k, v) in item.fields where !v.isEmpty { counts[k, default: 0] += 1 } }
        fieldCoverage = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
        hasTimestamps = data.timestamps != nil
    }

    public static func == (a: DatasetSummary, b: DatasetSummary) -> Bool { a.lines() == b.lines() }

    /// Human-readable report lines.
    public func lines() -> [String] {
        func pct(_ n: Int, _ of: Int) -> String { of == 0 ? "0%" : String(format: "%.1f%%", 100 * Double(n) / Double(of)) }
        var out = [
            "dataset: \(name)",
            "users: \(users)  items: \(items)  interactions: \(interactions)  timestamps: \(hasTimestamps ? "yes" : "no")",
            String(format: "sequence length: min %d, median %d, mean %.2f, p90 %d, max %d", lengthMin, lengthMedian, lengthMean, lengthP90, lengthMax),
            "  users by length: " + lengthHistogram.map { "\($0.0): \($0.1)" }.joined(separator: ", "),
            "text coverage: \(itemsWithText)/\(items) items have text (\(pct(itemsWithText, items)))",
        ]
        if !fieldCoverage.isEmpty {
            out.append("  fields: " + fieldCoverage.map { "\($0.0) \(pct($0.1, items))" }.joined(separator: ", "))
        }
        return out
    }
}
