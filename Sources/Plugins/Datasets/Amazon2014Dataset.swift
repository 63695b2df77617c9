// The `amazon-2014` dataset: Amazon review data (McAuley et al., SIGIR 2015), the source of the Beauty,
// Sports and Toys sets of P5 and IDGenRec. Reviews are JSON lines (json-c, streamed); metadata lines are
// Python literals (`{'asin': '…', 'categories': [['Beauty', 'Makeup']], …}`), read by a real literal parser
// (PythonLiteral), never by quote-swapping. k-core, chronological order and item text as amazon-2018.
import Foundation

public struct Amazon2014Dataset: DatasetSource {
    public typealias Config = AmazonReviewsConfig

    public let config: Config

    public init(config: Config) { self.config = config }

    public func load() throws -> Interactions {
        var ledger = BadLineLedger(policy: config.onBadLine)
        let log = try Amazon2018Dataset.readReviews(config.reviews, ledger: &ledger)
        let assembly = RawDatasetAssembly(name: config.datasetName, log: log, kCore: config.kCore, reviewsPath: config.reviews)
        let c = config
        var metaLedger = BadLineLedger(policy: c.onBadLine)
        var data = try assembly.assemble(ledger: ledger, metadataPath: c.metadata) { denseOf, set in
            let path = c.metadata!
            try LineReader(path: path).forEachLine { bytes, line in
                guard bytes.contains(where: { $0 != 32 && $0 != 9 }) else { return }
                let record: JSONValue
                do { record = try PythonLiteral.parse(bytes) } catch {
                    try metaLedger.bad(file: path, line: line, reason: "\(error)")
                    return
                }
                guard case .object = record, let asin = record["asin"]?.stringValue else {
                    try metaLedger.bad(file: path, line: line, reason: "metadata record is not a dict with a string 'asin'")
                    return
                }
                guard let r = log.items.find(asin), denseOf[r] >= 0 else { return }
                let (text, fields) = MetadataText.build({ record[$0] }, fields: c.textFields,
                                                        aliases: Amazon2018Dataset.aliases, lowercase: c.lowercase)
                set(denseOf[r], text, fields)
            }
        }
        data.notes += metaLedger.notes
        return data
    }
}
