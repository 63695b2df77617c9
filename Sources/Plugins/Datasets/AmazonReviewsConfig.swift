// Configuration shared by the raw Amazon loaders (`amazon-2018`, `amazon-2014`).

public struct AmazonReviewsConfig: ComponentConfig, Equatable, Sendable {
    /// Reviews, JSON lines (`reviewerID`, `asin`, `unixReviewTime` per line), e.g. `Beauty_5.json`.
    public var reviews = ""
    /// Item metadata lines (`asin` plus text fields), e.g. `meta_Beauty.json`; without it items have no text.
    public var metadata: String?
    /// Dataset name for prompts and reports; default: the reviews file name without extension.
    public var name: String?
    /// Lower-case item text, as the paper does.
    public var lowercase: Bool = true
    /// Keep only users and items with at least this many reviews, repeatedly (5-core as in P5 / IDGenRec).
    public var kCore: Int = 5
    /// Metadata fields that make the item text, in order (`title: …; brand: …; categories: …`).
    public var textFields: [String] = ["title", "brand", "categories"]
    /// `error` (default): stop at the first malformed line with file:line; `skip`: skip and count it.
    public var onBadLine: BadLinePolicy = .error

    public init() {}
    public init(reviews: String, metadata: String? = nil, name: String? = nil, kCore: Int = 5,
                textFields: [String] = ["title", "brand", "categories"], onBadLine: BadLinePolicy = .error,
                lowercase: Bool = true) {
        self.reviews = reviews
        self.metadata = metadata
        self.name = name
        self.kCore = kCore
        self.textFields = textFields
        self.onBadLine = onBadLine
        self.lowercase = lowercase
    }

    var datasetName: String {
        name ?? String(reviews.split(separator: "/").last?.split(separator: ".").first ?? "amazon")
    }
}
