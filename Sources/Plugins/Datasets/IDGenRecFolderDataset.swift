// The `idgenrec-folder` dataset: the IDGenRec / OpenP5 layout the paper's released data uses.
//   user_sequence.txt    `USER ITEM ITEM …` one user a line, items oldest first
//   item_plain_text.txt  `ITEM text…` one item a line (first space separates id and text)
//   prompt.txt           optional prompt templates (read by the `template-file` prompt component)
// Items appearing in sequences but not in the item file join the catalog with empty text (noted; the data
// lint flags them). Malformed lines stop the load with file:line unless `on_bad_line: skip`.
import Foundation

public struct IDGenRecFolderDataset: DatasetSource {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// The dataset folder (holding user_sequence.txt and item_plain_text.txt).
        public var path = ""
        /// Dataset name used in prompts (`{dataset}`) and reports; default: the folder name.
        public var name: String?
        /// Lower-case item text, as the paper does (IDGenRec §4.1).
        public var lowercase: Bool = true
        /// `error` (default): stop at the first malformed line with file:line; `skip`: skip and count it.
        public var onBadLine: BadLinePolicy = .error

        public init() {}
        public init(path: String, name: String? = nil, onBadLine: BadLinePolicy = .error, lowercase: Bool = true) {
            self.path = path
            self.name = name
            self.onBadLine = onBadLine
            self.lowercase = lowercase
        }
    }

    public let config: Config

    public init(config: Config) { self.config = config }

    public var folder: URL { URL(fileURLWithPath: config.path) }
    public var datasetName: String { config.name ?? folder.lastPathComponent }

    /// The folder's prompt file, when it has one.
    public var promptFile: String? {
        let p = folder.appendingPathComponent("prompt.txt").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    public func load() throws -> Interactions {
        var ledger = BadLineLedger(policy: config.onBadLine)
        let itemPath = folder.appendingPathComponent("item_plain_text.txt").path
        let seqPath = folder.appendingPathComponent("user_sequence.txt").path
        for p in [seqPath, itemPath] where !FileManager.default.fileExists(atPath: p) {
            throw DatasetError.cannotOpen(file: p, reason: "no such file (an idgenrec-folder dataset needs user_sequence.txt and item_plain_text.txt)")
        }
        var items: [CatalogItem] = []
        var index = ByteKeyIndex(capacity: 1 << 14)
        try readItems(itemPath, into: &items, index: &index, ledger: &ledger)
        let knownItems = items.count
        var users = ByteKeyIndex(capacity: 1 << 14)
        var sequences: [[Int]] = []
        try readSequences(seqPath, items: &items, index: &index, users: &users, sequences: &sequences, ledger: &ledger)
        if users.count == 0 { throw DatasetError.empty(file: seqPath, reason: "no users (expected lines `USER ITEM ITEM …`)") }
        var notes = ledger.notes
        if items.count > knownItems {
            notes.append("\(items.count - knownItems) item(s) occur in user_sequence.txt but not in item_plain_text.txt; they have empty text")
        }
        if let p = promptFile { notes.append("prompt file: \(p)") }
        return Interactions(name: datasetName, items: items, userIDs: users.keys, sequences: sequences, notes: notes)
    }

    private func readItems(_ path: String, into items: inout [CatalogItem], index: inout ByteKeyIndex,
                           ledger: inout BadLineLedger) throws {
        let file = path
        var firstLine: [Int] = []
        try LineReader(path: path).forEachLine { bytes, line in
            let body = IDGenRecFolderDataset.trim(bytes)
            if body.isEmpty { return }
            let split = body.firstIndex(where: { $0 == 32 || $0 == 9 }) ?? body.endIndex
            guard let id = String(validating: body[..<split], as: UTF8.self),
                  var text = String(validating: IDGenRecFolderDataset.trim(body[split...]), as: UTF8.self) else {
                try ledger.bad(file: file, line: line, reason: "not valid UTF-8")
                return
            }
            if let first = index.find(body[..<split]) {
                try ledger.bad(file: file, line: line, reason: "item '\(id)' listed twice (first on line \(firstLine[first]))")
                return
            }
            _ = index.intern(body[..<split])
            firstLine.append(line)
            if config.lowercase { text = text.lowercased() }
            items.append(CatalogItem(rawID: id, text: text, fields: ItemText.parse(text)))
        }
    }

    private func readSequences(_ path: String, items: inout [CatalogItem], index: inout ByteKeyIndex,
                               users: inout ByteKeyIndex, sequences: inout [[Int]], ledger: inout BadLineLedger) throws {
        let file = path
        var firstLine: [Int] = []
        var seq: [Int] = []
        try LineReader(path: path).forEachLine { bytes, line in
            let body = IDGenRecFolderDataset.trim(bytes)
            if body.isEmpty { return }
            let pieces = body.split(whereSeparator: { $0 == 32 || $0 == 9 })
            guard let user = String(validating: pieces[0], as: UTF8.self) else {
                try ledger.bad(file: file, line: line, reason: "not valid UTF-8"); return
            }
            guard pieces.count >= 2 else {
                try ledger.bad(file: file, line: line, reason: "user '\(user)' has no items (expected `USER ITEM ITEM …`)")
                return
            }
            if let first = users.find(pieces[0]) {
                try ledger.bad(file: file, line: line, reason: "user '\(user)' listed twice (first on line \(firstLine[first]))")
                return
            }
            seq.removeAll(keepingCapacity: true)
            for piece in pieces.dropFirst() {
                if let i = index.find(piece) { seq.append(i); continue }
                guard let id = String(validating: piece, as: UTF8.self) else {
                    try ledger.bad(file: file, line: line, reason: "not valid UTF-8"); return
                }
                seq.append(index.intern(piece).index)
                items.append(CatalogItem(rawID: id, text: ""))
            }
            _ = users.intern(pieces[0])
            firstLine.append(line)
            sequences.append(seq)
        }
    }

    static func trim(_ b: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> { trim(b[...]) }

    static func trim(_ b: Slice<UnsafeBufferPointer<UInt8>>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var lo = b.startIndex, hi = b.endIndex
        while lo < hi, b[lo] == 32 || b[lo] == 9 { lo += 1 }
        while hi > lo, b[hi - 1] == 32 || b[hi - 1] == 9 { hi -= 1 }
        return b[lo..<hi]
    }
}
