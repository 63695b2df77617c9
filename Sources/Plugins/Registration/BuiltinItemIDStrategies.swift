// The built-in item-ID strategies, one line each (Sources/Plugins/README.md, "Adding a component").
// External ones come from plugins.json.
public let builtinItemIDStrategies: [ComponentRegistration] = [
    .init(name: "sequential", summary: "P5-SID: integers in order of first appearance in training data", defaults: SequentialIDs.Config()) { SequentialIDs(config: $0) },
    .init(name: "random", summary: "P5-RID: seeded random distinct integers", defaults: RandomIDs.Config()) { RandomIDs(config: $0) },
    .init(name: "title", summary: "first title words, extended until unique", defaults: TitleIDs.Config()) { TitleIDs(config: $0) },
    .init(name: "keyword", summary: "TF-IDF keywords in descending salience until unique", defaults: KeywordIDs.Config()) { KeywordIDs(config: $0) },
    .init(name: "semantic", summary: "P5-SemID: category path tokens + index within the leaf", defaults: SemanticIDs.Config()) { SemanticIDs(config: $0) },
    .init(name: "collaborative", summary: "P5-CID: recursive spectral clustering of item co-occurrence", defaults: CollaborativeIDs.Config()) { CollaborativeIDs(config: $0) },
    .init(name: "rq-codes", summary: "TIGER-style residual k-means codes of TF-IDF/SVD item vectors", defaults: RQCodeIDs.Config()) { RQCodeIDs(config: $0) },
]
