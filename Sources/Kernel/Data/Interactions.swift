// The shared data model every stage speaks: users with time-ordered item sequences and an item catalog.
// Items and users are dense indices (Int) into the catalog / user table; raw ids are kept for output files.
//
// Legend: U users, N items, L sequence length.

/// One item's metadata: the raw id from the source, its text (`title: …; brand: …` as the paper builds it)
/// and, where the source has them, named fields (e.g. "title", "brand", "categories").
public struct CatalogItem: Sendable, Equatable {
    public var rawID: String
    public var text: String
    public var fields: [String: String]

    public init(rawID: String, text: String, fields: [String: String] = [:]) {
        self.rawID = rawID
        self.text = text
        self.fields = fields
    }
}

/// A loaded dataset: the catalog (N items) and U users, each with items in time order (oldest first).
public struct Interactions: Sendable {
    public var name: String
    public var items: [CatalogItem]          // [N]
    public var userIDs: [String]             // [U] raw user ids
    public var sequences: [[Int]]            // [U][L] item indices, oldest first
    public var timestamps: [[Int64]]?        // [U][L] seconds since epoch, when the source has times
    public var notes: [String]               // loader remarks for the run report (e.g. skipped bad lines)

    public init(name: String, items: [CatalogItem], userIDs: [String], sequences: [[Int]],
                timestamps: [[Int64]]? = nil, notes: [String] = []) {
        self.name = name
        self.items = items
        self.userIDs = userIDs
        self.sequences = sequences
        self.timestamps = timestamps
        self.notes = notes
    }

    public var userCount: Int { userIDs.count }
    public var itemCount: Int { items.count }
    public var interactionCount: Int { sequences.reduce(0) { $0 + $1.count } }
}
