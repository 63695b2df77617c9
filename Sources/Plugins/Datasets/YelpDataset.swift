// The `yelp` dataset: the Yelp Open Dataset's review and business files (JSON lines, streamed through
// json-c). Interactions are reviews (`user_id`, `business_id`, `date`), k-core filtered and in time order;
// item text is built from business fields (`name: …; categories: …` by default, as the P5/LETTER Yelp items).
import Foundation

public struct YelpDataset: DatasetSource {
    @dynamicMemberLookup
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// The settings shared with every raw review dump (keys at the top level); Yelp names its dataset
        /// "yelp" and builds item text from business name and categories (as the P5/LETTER Yelp items).
        public var dump = ReviewDumpConfig(name: "yelp", textFields: ["name", "categories"])
        /// `yelp_academic_dataset_business.json`; without it items have no text.
        public var business: String?

        public init() {}

        public init(reviews: String, business: String? = nil, name: String = "yelp", kCore: Int = 5,
                    textFields: [String] = ["name", "categories"], onBadLine: BadLinePolicy = .error, lowercase: Bool = true) {
            self.dump = ReviewDumpConfig(reviews: reviews, name: name, lowercase: lowercase, kCore: kCore, textFields: textFields,
                                         onBadLine: onBadLine)
            self.business = business
        }

        public subscript<T>(dynamicMember key: WritableKeyPath<ReviewDumpConfig, T>) -> T {
            get { dump[keyPath: key] }
            set { dump[keyPath: key] = newValue }
        }

        public func validate() -> [ConfigProblem] { dump.validate() }
    }

    public let config: Config

    public init(config: Config) { self.config = config }

    public func load() throws -> Interactions {
        let c = config
        var ledger = BadLineLedger(policy: c.onBadLine)
        var log = ReviewLog()
        try JSONLinesReader(path: c.reviews).forEachObject(ledger: &ledger) { obj, _ in
            guard let date = obj.string("date"), let t = YelpDataset.epochSeconds(date) else {
                return "review without a 'date' like \"2016-03-09 00:44:42\""
            }
            guard let u = obj.stringBytes("user_id"), let i = obj.stringBytes("business_id") else {
                return "review without string 'user_id' and 'business_id'"
            }
            log.add(user: u, item: i, time: t)
            return nil
        }
        let assembly = RawDatasetAssembly(name: c.name ?? "yelp", log: log, kCore: c.kCore, reviewsPath: c.reviews)
        var metaLedger = BadLineLedger(policy: c.onBadLine)
        var data = try assembly.assemble(ledger: ledger, metadataPath: c.business) { denseOf, set in
            try JSONLinesReader(path: c.business!).forEachObject(ledger: &metaLedger) { obj, _ in
                guard let idBytes = obj.stringBytes("business_id") else {
                    return "business record without a string 'business_id'"
                }
                guard let r = log.items.find(idBytes), denseOf[r] >= 0 else { return nil }
                let (text, fields) = MetadataText.build({ obj.value($0) }, fields: c.textFields, aliases: [:], lowercase: c.lowercase)
                set(denseOf[r], text, fields)
                return nil
            }
        }
        data.notes += metaLedger.notes
        return data
    }

    /// Seconds since epoch (UTC) of `YYYY-MM-DD[ HH:MM[:SS]]`, or nil when it is not such a date.
    public static func epochSeconds(_ s: String) -> Int64? {
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard (1...2).contains(parts.count) else { return nil }
        let ymd = parts[0].split(separator: "-").compactMap { Int64($0) }
        guard ymd.count == 3, (1...12).contains(ymd[1]), (1...31).contains(ymd[2]) else { return nil }
        var hms: [Int64] = [0, 0, 0]
        if parts.count == 2 {
            let t = parts[1].split(separator: ":").compactMap { Int64($0) }
            guard (2...3).contains(t.count), t[0] < 24, t[1] < 60, t.count == 2 || t[2] < 61 else { return nil }
            for (k, v) in t.enumerated() { hms[k] = v }
        }
        // Days from civil (Howard Hinnant's algorithm), proleptic Gregorian calendar.
        let (y0, m, d) = (ymd[1] <= 2 ? ymd[0] - 1 : ymd[0], ymd[1], ymd[2])
        let era = (y0 >= 0 ? y0 : y0 - 399) / 400
        let yoe = y0 - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return days * 86_400 + hms[0] * 3_600 + hms[1] * 60 + hms[2]
    }
}
