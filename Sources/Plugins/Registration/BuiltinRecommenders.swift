// The non-generative baselines (`recommender` kind), one line each: same split, same metrics as the
// generative variants in `idgenrec compare`.
public let builtinRecommenders: [ComponentRegistration] = [
    .init(kind: .recommender, name: "popularity", summary: "most interacted items in training", defaults: PopularityRecommender.Config()) { PopularityRecommender(config: $0) },
    .init(kind: .recommender, name: "item-knn", summary: "co-occurrence neighbours of the last items, recency-weighted", defaults: ItemKNNRecommender.Config()) { ItemKNNRecommender(config: $0) },
    .init(kind: .recommender, name: "markov", summary: "first-order transitions with popularity back-off", defaults: MarkovRecommender.Config()) { MarkovRecommender(config: $0) },
    .init(kind: .recommender, name: "sasrec", summary: "self-attentive sequential model, full-softmax cross-entropy", defaults: SASRecRecommender.Config()) { SASRecRecommender(config: $0) },
]
