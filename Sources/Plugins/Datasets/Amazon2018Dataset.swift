// The `amazon-2018` dataset: raw Amazon review data (Ni, Li & McAuley, EMNLP 2019) — reviews and metadata
// as JSON lines, streamed through json-c (several-GB files are never held whole). k-core filtered,
// chronological by `unixReviewTime`, item text from chosen metadata fields lower-cased (`title: …; brand: …`),
// as IDGenRec builds it. In 2018 metadata the categories field is called `category`.
import Foundation

public struct Amazon2018Dataset: DatasetSource {
    public typealias Config = AmazonReviewsConfig

    public let config: Config

    public init(config: Config) { self.config = config }

    /// Output field → source keys tried in order.
    static let aliases = ["categories": ["categories", "category"], "title": ["title"], "brand": ["brand"]]

    public func load() throws -> Interactions {
        var ledger = BadLineLedger(policy: config.onBadLine)
        let log = try Amazon2018Dataset.readReviews(config.reviews, ledger: &ledger)
        let assembly = RawDatasetAssembly(name: config.datasetName, log: log, kCore: config.kCore, reviewsPath: config.reviews)
        let c = config
        var metaLedger = BadLineLedger(policy: c.onBadLine)
        var data = try assembly.assemble(ledger: ledger, metadataPath: c.metadata) { denseOf, set in
            try JSONLinesReader(path: c.metadata!).forEachObject(ledger: &metaLedger) { obj, _ in
                guard let idBytes = obj.stringBytes("asin") else {
                    return "metadata record without a string 'asin'"
                }
                guard let r = log.items.find(idBytes), denseOf[r] >= 0 else { return nil }
                let (text, fields) = MetadataText.build({ obj.value($0) }, fields: c.textFields,
                                                        aliases: Amazon2018Dataset.aliases, lowercase: c.lowercase)
                set(denseOf[r], text, fields)
                return nil
            }
        }
        data.notes += metaLedger.notes
        return data
    }

    /// Streams `reviewerID`, `asin`, `unixReviewTime` from every review line (shared with amazon-2014).
    static func readReviews(_ path: String, ledger: inout BadLineLedger) throws -> ReviewLog {
        var log = ReviewLog()
        try JSONLinesReader(path: path).forEachObject(ledger: &ledger) { obj, _ in
            guard let t = obj.int64("unixReviewTime") else {
                return "review without an integer 'unixReviewTime'"
            }
            guard let u = obj.stringBytes("reviewerID"), let i = obj.stringBytes("asin") else {
                return "review without string 'reviewerID' and 'asin'"
            }
            log.add(user: u, item: i, time: t)
            return nil
        }
        return log
    }
}
