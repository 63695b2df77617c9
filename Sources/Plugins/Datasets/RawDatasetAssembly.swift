// The steps every raw loader shares after streaming its reviews: k-core, chronological sequences, item text
// from a metadata pass restricted to surviving items, and the report notes.
import Foundation

struct RawDatasetAssembly {
    var name: String
    var log: ReviewLog
    var kCore: Int
    var reviewsPath: String

    /// Item text lookups: `readMetadata(wanted, record)` is called with the dense index of each wanted raw
    /// item; it returns how many metadata records it read.
    func assemble(ledger: BadLineLedger, metadataPath: String?,
                  readMetadata: (_ denseOf: [Int], _ set: (Int, String, [String: String]) -> Void) throws -> Void) throws -> Interactions {
        guard kCore >= 1 else { throw DatasetError.invalidConfig(component: name, reason: "k_core must be ≥ 1 (got \(kCore))") }
        guard log.user.count > 0 else { throw DatasetError.empty(file: reviewsPath, reason: "no reviews read") }
        let alive = log.kCore(kCore)
        let (userRaw, sequences, times, itemRaw) = log.sequences(alive: alive)
        guard !sequences.isEmpty else {
            throw DatasetError.empty(file: reviewsPath, reason: "no user and item keeps \(kCore) reviews after \(kCore)-core filtering of \(log.user.count) reviews (lower k_core)")
        }
        var denseOf = [Int](repeating: -1, count: log.items.count)
        for (d, raw) in itemRaw.enumerated() { denseOf[raw] = d }
        var items = itemRaw.map { CatalogItem(rawID: log.items.key($0), text: "") }
        var described = [Bool](repeating: false, count: items.count)
        if metadataPath != nil {
            try readMetadata(denseOf) { d, text, fields in
                guard !described[d] else { return }   // the first record of an item wins
                described[d] = true
                items[d].text = text
                items[d].fields = fields
            }
        }
        var notes = ledger.notes
        let kept = alive.lazy.filter { $0 }.count
        notes.append("\(kCore)-core: kept \(kept) of \(log.user.count) reviews, \(sequences.count) of \(log.users.count) users, \(items.count) of \(log.items.count) items")
        let missing = described.lazy.filter { !$0 }.count
        if metadataPath == nil {
            notes.append("no metadata file: items have no text")
        } else if missing > 0 {
            notes.append("\(missing) item(s) have no metadata record: empty text")
        }
        return Interactions(name: name, items: items, userIDs: userRaw.map { log.users.key($0) }, sequences: sequences,
                            timestamps: times, notes: notes)
    }
}
