// The built-in metrics, one line each. Metric names take their cut-off as "hr@10" (expanded to hr@k, k=10).
public let builtinMetrics: [ComponentRegistration] = [
    .init(kind: .metric, name: "hr@k", summary: "hit rate: the target among the first k", defaults: HitRate.Config()) { try HitRate(config: $0) },
    .init(kind: .metric, name: "ndcg@k", summary: "1/log2(rank+1) within the first k", defaults: NDCG.Config()) { try NDCG(config: $0) },
    .init(kind: .metric, name: "mrr@k", summary: "1/rank within the first k", defaults: MRR.Config()) { try MRR(config: $0) },
    .init(kind: .metric, name: "recall@k", summary: "recall of the single held-out item within k", defaults: Recall.Config()) { try Recall(config: $0) },
    .init(kind: .metric, name: "coverage@k", summary: "share of the catalog recommended to anyone", defaults: Coverage.Config()) { try Coverage(config: $0) },
    .init(kind: .metric, name: "invalid-rate", summary: "share of returned entries that are invalid or duplicate", defaults: InvalidRate.Config()) { try InvalidRate(config: $0) },
]
