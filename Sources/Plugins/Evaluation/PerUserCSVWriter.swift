// Writes the evaluation's two files: `per_user.csv` — one row per user: user, target (raw item id), the
// target's textual ID, the target's rank (empty when not returned), then the top-k raw item ids and the top-k
// textual IDs, one column each so IDs with spaces or separators stay unambiguous — and `metrics.json`.
// CSV is RFC 4180: a field with a comma, quote, CR/LF or edge spaces is quoted, its quotes doubled.
// Both files are replaced atomically.
//
// Legend: N items, U users, k columns per list.
import Foundation

public struct PerUserCSVWriter {
    public let itemNames: [String]     // [N] raw item ids (catalog order)
    public let textualIDs: [String]    // [N] the item-ids strategy's ID strings
    public let k: Int                  // list columns written per user

    public init(itemNames: [String], textualIDs: [String], k: Int) {
        self.itemNames = itemNames
        self.textualIDs = textualIDs
        self.k = k
    }

    public static let fileName = "per_user.csv"
    public static let metricsFileName = "metrics.json"

    /// The whole CSV text, header first, "\n" line ends.
    public func csv(_ results: [PerUserResult]) -> String {
        var header = ["user", "target", "target_id", "rank"]
        header += (1 ... max(k, 1)).map { "item_\($0)" } + (1 ... max(k, 1)).map { "id_\($0)" }
        var out = header.joined(separator: ",") + "\n"
        for r in results {
            let top = Array(r.items.prefix(k))
            let names = (0 ..< k).map { $0 < top.count ? name(top[$0]) : "" }
            let ids = (0 ..< k).map { $0 < top.count ? textualID(top[$0]) : "" }
            let fields = [r.user, name(r.target), textualID(r.target), r.rank.map(String.init) ?? ""] + names + ids
            out += fields.map(Self.quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Writes `per_user.csv` into `directory`; returns its URL.
    @discardableResult
    public func write(_ results: [PerUserResult], to directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(Self.fileName)
        try AtomicFile.write(Data(csv(results).utf8), to: url)
        return url
    }

    /// metrics.json: user counts and each metric's overall value, in the given order.
    public static func metricsJSON(_ values: [(name: String, value: Double)], results: [PerUserResult]) -> JSONValue {
        .object([
            ("users", .int(results.count)),
            ("users_with_fewer_items", .int(results.filter { $0.exhausted }.count)),
            ("metrics", .object(values.map { ($0.name, .double($0.value)) })),
        ])
    }

    @discardableResult
    public func writeMetrics(_ values: [(name: String, value: Double)], results: [PerUserResult],
                             to directory: URL) throws -> URL {
        let url = directory.appendingPathComponent(Self.metricsFileName)
        try AtomicFile.write(Data((Self.metricsJSON(values, results: results).serialized(pretty: true) + "\n").utf8), to: url)
        return url
    }

    /// RFC 4180 quoting.
    /// The fields of one CSV record written by `quote` (RFC 4180: quoted fields, doubled quotes inside).
    public static func splitRecord(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = chars.next() {
                        if n == "\"" { current.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { fields.append(current); current = ""
            } else { current.append(c) }
        }
        fields.append(current)
        return fields
    }

    public static func quote(_ field: String) -> String {
        let needs = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.first == " " || field.last == " "
        return needs ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    func name(_ item: Int) -> String { item >= 0 && item < itemNames.count ? itemNames[item] : "" }
    func textualID(_ item: Int) -> String { item >= 0 && item < textualIDs.count ? textualIDs[item] : "" }
}
