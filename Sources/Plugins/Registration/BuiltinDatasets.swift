// The built-in datasets and splits, one line each.
public let builtinDatasets: [ComponentRegistration] = [
    .init(kind: .dataset, name: "idgenrec-folder", summary: "IDGenRec/OpenP5 folder: user_sequence.txt + item_plain_text.txt",
          defaults: IDGenRecFolderDataset.Config(path: ""), provides: [.itemText], inputFiles: ["path"]) { IDGenRecFolderDataset(config: $0) },
    .init(kind: .dataset, name: "amazon-2018", summary: "raw Amazon 2018 reviews + metadata JSON lines, k-core, time order",
          defaults: AmazonReviewsConfig(reviews: ""), provides: [.itemText, .timestamps], inputFiles: ["reviews", "metadata"]) { Amazon2018Dataset(config: $0) },
    .init(kind: .dataset, name: "amazon-2014", summary: "raw Amazon 2014 reviews + Python-literal metadata, k-core, time order",
          defaults: AmazonReviewsConfig(reviews: ""), provides: [.itemText, .timestamps], inputFiles: ["reviews", "metadata"]) { Amazon2014Dataset(config: $0) },
    .init(kind: .dataset, name: "yelp", summary: "raw Yelp business + review JSON, k-core, time order",
          defaults: YelpDataset.Config(reviews: ""), provides: [.itemText, .timestamps], inputFiles: ["reviews", "business"]) { YelpDataset(config: $0) },
    .init(kind: .dataset, name: "synthetic", summary: "seeded product catalog with users' tastes and routines (no download)",
          defaults: SyntheticDataset.Config(), provides: [.itemText]) { SyntheticDataset(config: $0) },
]

public let builtinSplits: [ComponentRegistration] = [
    .init(kind: .split, name: "leave-one-out", summary: "last item test, second-to-last validation, every earlier prefix trains",
          defaults: LeaveOneOutSplit.Config()) { LeaveOneOutSplit(config: $0) },
    .init(kind: .split, name: "temporal", summary: "global time cut (needs timestamps)", defaults: TemporalSplit.Config(),
          requires: [ComponentRequirement(.dataset, provides: .timestamps, because: "a time cut needs interaction times")]) { TemporalSplit(config: $0) },
]
