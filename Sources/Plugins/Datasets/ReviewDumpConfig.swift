// The settings every raw review dump shares (Amazon 2014/2018, Yelp): the review file, the dataset name,
// k-core filtering, which catalog fields make the item text, and how malformed lines are handled. Each
// dataset's config embeds it beside the one key that differs (its catalog file: `metadata` or `business`)
// and starts it with its own default text fields, so keys and defaults are written here once. Its keys sit
// at the top level of the dataset's object (InlineConfig).
public struct ReviewDumpConfig: ComponentConfig, InlineConfig, Equatable, Sendable {
    /// Reviews, JSON lines (Amazon: `Beauty_5.json`; Yelp: `yelp_academic_dataset_review.json`).
    public var reviews = ""
    /// Dataset name for prompts and reports; nil = the dataset's own fallback (Amazon: the reviews file name).
    public var name: String?
    /// Lower-case item text, as the paper does.
    public var lowercase = true
    /// Keep only users and items with at least this many reviews, repeatedly (5-core as in P5 / IDGenRec).
    public var kCore = 5
    /// Catalog fields that make the item text, in order (`title: …; brand: …`).
    public var textFields: [String] = []
    /// `error` (default): stop at the first malformed line with file:line; `skip`: skip and count it.
    public var onBadLine: BadLinePolicy = .error

    public init() {}

    public init(reviews: String = "", name: String? = nil, lowercase: Bool = true, kCore: Int = 5, textFields: [String],
                onBadLine: BadLinePolicy = .error) {
        self.reviews = reviews
        self.name = name
        self.lowercase = lowercase
        self.kCore = kCore
        self.textFields = textFields
        self.onBadLine = onBadLine
    }

    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require(kCore >= 1, "k_core", "must be ≥ 1, got \(kCore)")
        return c.problems
    }
}
