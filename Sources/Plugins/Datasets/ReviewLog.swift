// The raw-source pipeline shared by the Amazon and Yelp loaders: interactions streamed from review lines
// (user, item, time; ids interned from bytes), k-core filtering, chronological ordering per user, and the
// final Interactions with item text from metadata.
//
// Legend: R reviews (interactions), U users, N items.

struct ReviewLog {
    var users = ByteKeyIndex(capacity: 1 << 16)
    var items = ByteKeyIndex(capacity: 1 << 16)
    var user: [Int32] = []       // [R]
    var item: [Int32] = []       // [R]
    var time: [Int64] = []       // [R] seconds since epoch

    mutating func add(user u: UnsafeBufferPointer<UInt8>, item i: UnsafeBufferPointer<UInt8>, time t: Int64) {
        user.append(Int32(users.intern(u).index))
        item.append(Int32(items.intern(i).index))
        time.append(t)
    }

    /// Which reviews survive the k-core filter: repeatedly drop users and items with fewer than `k` reviews
    /// until every remaining user and item has at least `k` (the "5-core" of the Amazon datasets; k ≤ 1 keeps all).
    func kCore(_ k: Int) -> [Bool] {
        var alive = [Bool](repeating: true, count: user.count)
        guard k > 1 else { return alive }
        while true {
            var userDegree = [Int](repeating: 0, count: users.count)
            var itemDegree = [Int](repeating: 0, count: items.count)
            for r in alive.indices where alive[r] {
                userDegree[Int(user[r])] += 1
                itemDegree[Int(item[r])] += 1
            }
            var changed = false
            for r in alive.indices where alive[r] && (userDegree[Int(user[r])] < k || itemDegree[Int(item[r])] < k) {
                alive[r] = false
                changed = true
            }
            if !changed { return alive }
        }
    }

    /// Surviving users (in order of first review) with their items sorted by time (ties keep file order),
    /// and the surviving items (in order of first appearance in those sequences) as raw-id indices.
    func sequences(alive: [Bool]) -> (userRaw: [Int], sequences: [[Int]], times: [[Int64]], itemRaw: [Int]) {
        var perUser = [[Int]](repeating: [], count: users.count)
        for r in alive.indices where alive[r] { perUser[Int(user[r])].append(r) }
        var userRaw: [Int] = [], seqs: [[Int]] = [], times: [[Int64]] = [], itemRaw: [Int] = []
        var dense = [Int](repeating: -1, count: items.count)
        for (u, reviews) in perUser.enumerated() where !reviews.isEmpty {
            let ordered = reviews.sorted { (time[$0], $0) < (time[$1], $1) }
            var seq: [Int] = []
            seq.reserveCapacity(ordered.count)
            for r in ordered {
                let raw = Int(item[r])
                if dense[raw] < 0 { dense[raw] = itemRaw.count; itemRaw.append(raw) }
                seq.append(dense[raw])
            }
            userRaw.append(u)
            seqs.append(seq)
            times.append(ordered.map { time[$0] })
        }
        return (userRaw, seqs, times, itemRaw)
    }
}

/// Field values from raw metadata rendered as item text: strings as they are, numbers printed, lists joined
/// with ", " (nested category paths flattened, duplicates dropped in order), dicts and nulls left out.
enum MetadataText {
    static func render(_ v: JSONValue) -> String {
        switch v {
        case let .string(s): return s
        case let .int(n): return String(n)
        case let .double(d): return d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case let .bool(b): return b ? "true" : "false"
        case .null, .object: return ""
        case let .array(a):
            var seen = Set<String>()
            var parts: [String] = []
            for part in flatten(a).map(render).map(ItemText.collapseSpaces) where !part.isEmpty && seen.insert(part).inserted {
                parts.append(part)
            }
            return parts.joined(separator: ", ")
        }
    }

    static func flatten(_ a: [JSONValue]) -> [JSONValue] {
        a.flatMap { v -> [JSONValue] in if case let .array(inner) = v { return flatten(inner) } else { return [v] } }
    }

    /// `field: value; …` for the chosen fields; `aliases` maps an output field to the source keys tried in
    /// order (Amazon 2018 calls categories `category`; Yelp calls a title `name`).
    static func build(_ lookup: (String) -> JSONValue?, fields: [String], aliases: [String: [String]],
                      lowercase: Bool) -> (text: String, fields: [String: String]) {
        var pairs: [(String, String)] = []
        for f in fields {
            for key in aliases[f] ?? [f] {
                if let v = lookup(key) {
                    let s = ItemText.collapseSpaces(render(v))
                    if !s.isEmpty { pairs.append((f, s)); break }
                }
            }
        }
        let text = ItemText.build(pairs, lowercase: lowercase)
        var dict: [String: String] = [:]
        for (k, v) in pairs { dict[k] = lowercase ? v.lowercased() : v }
        return (text, dict)
    }
}
