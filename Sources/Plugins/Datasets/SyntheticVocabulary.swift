// The words the synthetic catalog is made of: product families with their routine order (the complement
// chain a shopper follows: cleanser → toner → serum …), benefits, ingredients, sizes and made-up brands.
// Kept apart from the generator so the vocabulary can be read (and extended) at a glance.

struct SyntheticFamily {
    var name: String                  // category level 2, e.g. "skin care"
    var qualifier: String             // word before the type in titles, e.g. "facial"
    var types: [(String, String)]     // routine order: (type, category plural)
    var benefits: [String]
    var sizes: [String]
}

enum SyntheticVocabulary {
    static let department = "beauty"

    static let families: [SyntheticFamily] = [
        SyntheticFamily(name: "skin care", qualifier: "facial",
                        types: [("cleanser", "cleansers"), ("toner", "toners"), ("serum", "serums"),
                                ("eye cream", "eye creams"), ("moisturizer", "moisturizers"), ("sunscreen", "sunscreens")],
                        benefits: ["hydrating", "brightening", "soothing", "firming", "clarifying", "anti-aging"],
                        sizes: ["30ml", "50ml", "100ml", "200ml"]),
        SyntheticFamily(name: "hair care", qualifier: "",
                        types: [("shampoo", "shampoos"), ("conditioner", "conditioners"), ("hair mask", "hair masks"),
                                ("leave-in spray", "leave-in treatments"), ("styling cream", "styling products")],
                        benefits: ["volumizing", "repairing", "smoothing", "curl-defining", "color-protect", "strengthening"],
                        sizes: ["250ml", "500ml", "1l"]),
        SyntheticFamily(name: "makeup", qualifier: "",
                        types: [("primer", "primers"), ("foundation", "foundations"), ("concealer", "concealers"),
                                ("setting powder", "powders"), ("blush", "blushes"), ("mascara", "mascaras"),
                                ("lipstick", "lipsticks")],
                        benefits: ["matte", "dewy", "long-wear", "sheer", "full-coverage", "satin"],
                        sizes: ["0.3oz", "0.5oz", "1oz"]),
        SyntheticFamily(name: "fragrance", qualifier: "",
                        types: [("eau de parfum", "eau de parfum"), ("body mist", "body mists"),
                                ("scented lotion", "scented lotions"), ("travel spray", "travel sprays")],
                        benefits: ["floral", "woody", "fresh", "oriental", "musky", "gourmand"],
                        sizes: ["15ml", "50ml", "100ml"]),
        SyntheticFamily(name: "bath & body", qualifier: "",
                        types: [("body wash", "body washes"), ("body scrub", "scrubs"), ("bath oil", "bath oils"),
                                ("body lotion", "body lotions"), ("hand cream", "hand creams")],
                        benefits: ["nourishing", "exfoliating", "relaxing", "energizing", "softening"],
                        sizes: ["100ml", "250ml", "400ml"]),
        SyntheticFamily(name: "nail care", qualifier: "",
                        types: [("base coat", "base coats"), ("nail polish", "nail polish"), ("top coat", "top coats"),
                                ("cuticle oil", "cuticle care"), ("nail polish remover", "removers")],
                        benefits: ["quick-dry", "gel-effect", "strengthening", "glossy", "chip-resistant"],
                        sizes: ["10ml", "15ml"]),
    ]

    /// Relative share of each family in the catalog and among users (skin care and makeup dominate, as in
    /// Amazon Beauty).
    static let familyWeights: [Double] = [0.30, 0.15, 0.25, 0.10, 0.12, 0.08]

    static let ingredients = [
        "rose", "green tea", "vitamin c", "argan oil", "charcoal", "aloe", "coconut", "lavender", "honey",
        "cucumber", "shea butter", "jasmine", "vanilla", "citrus", "oat", "peony", "bamboo", "sea salt",
        "ginseng", "almond",
    ]

    /// Made-up brand names; each family draws its brands from its own slice of this list.
    static let brands = [
        "lumiere", "verdana", "solenne", "aurelia", "mirabel", "kaisho", "nordlys", "belvia",
        "coralie", "tessaro", "amarante", "velours", "orrin", "calista", "maison fleur", "hikari",
        "ondine", "pure roots", "saltwater co", "brava", "elvina", "luxe lab", "moreau", "sylvan",
        "ivory & ash", "petalia", "zenna", "rouge atelier", "glossier one", "nuvo", "opaline", "kirei",
        "amber & oak", "scentique", "ellora", "fleurine", "vesper", "maris", "noctis", "bloomhaus",
        "tidewell", "softstone", "hammam co", "oasis botanics", "lacquer lane", "polished", "tipsy nails", "varnisha",
    ]

    static let brandsPerFamily = 8
}
