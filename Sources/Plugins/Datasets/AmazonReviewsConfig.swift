// Configuration shared by the raw Amazon loaders (`amazon-2018`, `amazon-2014`): the review-dump settings
// every raw source has, plus the metadata file.

@dynamicMemberLookup
public struct AmazonReviewsConfig: ComponentConfig, Equatable, Sendable {
    /// The settings shared with every raw review dump; their keys sit at the top level of the file.
    public var dump = ReviewDumpConfig(textFields: ["title", "brand", "categories"])
    /// Item metadata lines (`asin` plus text fields), e.g. `meta_Beauty.json`; without it items have no text.
    public var metadata: String?

    public init() {}

    public init(reviews: String, metadata: String? = nil, name: String? = nil, kCore: Int = 5,
                textFields: [String] = ["title", "brand", "categories"], onBadLine: BadLinePolicy = .error,
                lowercase: Bool = true) {
        self.dump = ReviewDumpConfig(reviews: reviews, name: name, lowercase: lowercase, kCore: kCore, textFields: textFields,
                                     onBadLine: onBadLine)
        self.metadata = metadata
    }

    public subscript<T>(dynamicMember key: WritableKeyPath<ReviewDumpConfig, T>) -> T {
        get { dump[keyPath: key] }
        set { dump[keyPath: key] = newValue }
    }

    public func validate() -> [ConfigProblem] { dump.validate() }

    var datasetName: String {
        dump.name ?? String(dump.reviews.split(separator: "/").last?.split(separator: ".").first ?? "amazon")
    }
}
