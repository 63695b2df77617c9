// Configuration shared by the raw Amazon loaders (`amazon-2018`, `amazon-2014`).

public struct AmazonReviewsConfig: Codable, Equatable, Sendable {
    /// Reviews, JSON lines (`reviewerID`, `asin`, `unixReviewTime` per line), e.g. `Beauty_5.json`.
    public var reviews: String
    /// Item metadata lines (`asin` plus text fields), e.g. `meta_Beauty.json`; without it items have no text.
    public var metadata: String?
    /// Dataset name for prompts and reports; default: the reviews file name without extension.
    public var name: String?
    /// Keep only users and items with at least this many reviews, repeatedly (5-core as in P5 / IDGenRec).
    public var kCore: Int = 5
    /// Metadata fields that make the item text, in order (`title: …; brand: …; categories: …`).
    public var textFields: [String] = ["title", "brand", "categories"]
    /// `error` (default): stop at the first malformed line with file:line; `skip`: skip and count it.
    public var onBadLine: BadLinePolicy = .error
    /// Lower-case item text, as the paper does.
    public var lowercase: Bool = true

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

    enum CodingKeys: String, CodingKey {
        case reviews, metadata, name, lowercase
        case kCore = "k_core"
        case textFields = "text_fields"
        case onBadLine = "on_bad_line"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reviews = try c.decode(String.self, forKey: .reviews)
        metadata = try c.decodeIfPresent(String.self, forKey: .metadata)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        kCore = try c.decodeIfPresent(Int.self, forKey: .kCore) ?? 5
        textFields = try c.decodeIfPresent([String].self, forKey: .textFields) ?? ["title", "brand", "categories"]
        onBadLine = try c.decodeIfPresent(BadLinePolicy.self, forKey: .onBadLine) ?? .error
        lowercase = try c.decodeIfPresent(Bool.self, forKey: .lowercase) ?? true
    }

    var datasetName: String {
        name ?? String(reviews.split(separator: "/").last?.split(separator: ".").first ?? "amazon")
    }
}
