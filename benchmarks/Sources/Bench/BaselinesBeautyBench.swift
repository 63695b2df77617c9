// The non-generative baselines on Amazon Beauty, leave-one-out (SASRec's protocol): train on each user's
// sequence without its last two items, test on the last item with everything before it visible, all users,
// HR/NDCG@5/10 over the full catalog, scored by the project's `hr@k` and `ndcg@k` components. A measurement
// of quality and fit time for benchmarks/RESULTS.md ("Baselines on Beauty"), not a unit test.
//   idgenrec-bench baselines-beauty [--data DIR] [--sasrec-epochs 20] [--dropout D] [--seconds S] [--report-out DIR]
// --data defaults to ../shared/data/beauty (an IDGenRec/OpenP5 folder; only user_sequence.txt is read);
// --sasrec-epochs 0 leaves SASRec out; --seconds is SASRec's wall-time budget; --report-out writes the
// comparison report (paired significance of NDCG@10 against markov).
import Foundation
import IDGenKernel
import IDGenPlugins

func runBaselinesBeautyBench(args: [String]) throws {
    var folder = "../shared/data/beauty", epochs = 20, reportOut: String?
    var sasrecConfig = SASRecRecommender.Config()
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--data": folder = args[i + 1]; i += 2
        case "--sasrec-epochs": epochs = Int(args[i + 1]) ?? epochs; i += 2
        case "--dropout": sasrecConfig.dropout = Double(args[i + 1]) ?? sasrecConfig.dropout; i += 2
        case "--seconds": sasrecConfig.maxSeconds = Double(args[i + 1]); i += 2
        case "--report-out": reportOut = args[i + 1]; i += 2
        default: i += 1
        }
    }
    sasrecConfig.epochs = epochs
    let file = URL(fileURLWithPath: folder).appendingPathComponent("user_sequence.txt")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else {
        print("baselines-beauty: no Beauty data at \(file.path) (pass --data DIR); skipped")
        return
    }
    var index: [Substring: Int] = [:]
    var sequences: [[Int]] = []
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ").dropFirst()
        sequences.append(parts.map { raw in
            if let i = index[raw] { return i }
            index[raw] = index.count
            return index.count - 1
        })
    }
    let users = sequences.filter { $0.count >= 3 }
    let train = users.map { Array($0.dropLast(2)) }
    let histories = users.map { Array($0.dropLast()) }
    let targets = users.map { $0.last! }
    print("Beauty: \(users.count) users, \(index.count) items, SASRec \(epochs) epochs, dropout \(sasrecConfig.dropout)")

    // In the order of ComparisonResults.standardMetrics: HR@5, NDCG@5, HR@10, NDCG@10.
    let metrics: [Metric] = [try HitRate(config: .init(k: 5)), try NDCG(config: .init(k: 5)),
                             try HitRate(config: .init(k: 10)), try NDCG(config: .init(k: 10))]
    var models: [(String, SequentialRecommender)] = [
        ("popularity", PopularityRecommender()), ("markov", MarkovRecommender()), ("item-knn", ItemKNNRecommender()),
    ]
    if epochs > 0 { models.append(("sasrec", SASRecRecommender(config: sasrecConfig))) }
    var hr10: [String: Double] = [:]
    var variants: [VariantResult] = [], perUserNDCG10: [String: [Double]] = [:]
    for (name, model) in models {
        let start = Date()
        var curve: [CurvePoint] = []
        try model.fit(trainingSequences: train, itemCount: index.count, seed: 2024) { p in
            if let loss = p.loss {
                curve.append(CurvePoint(step: p.step, loss: loss, epoch: Double(p.epoch)))
                print(String(format: "  %@ epoch %d/%d loss %.4f  %.0f users/s  %.0f s", name, p.epoch, p.epochs, loss,
                             p.samplesPerSecond ?? 0, p.elapsedSeconds))
                fflush(stdout)
            }
        }
        let fitSeconds = Date().timeIntervalSince(start)
        let decodeStart = Date()
        let lists = try model.recommend(histories: histories, k: 10)
        let decodeSeconds = Date().timeIntervalSince(decodeStart)
        let perUser = metrics.map { metric in
            zip(lists, targets).map { metric.value(ranked: $0, target: $1, catalogSize: index.count) ?? 0 }
        }
        let m = metrics.map { $0.aggregate(ranked: lists, targets: targets, catalogSize: index.count) }
        var variant = try VariantResult.summarizing(name: name, kind: "recommender", perUser: Dictionary(
            uniqueKeysWithValues: zip(ComparisonResults.standardMetrics, perUser)), seed: 1)
        variant.trainingSeconds = fitSeconds
        variant.decodeMillisecondsPerUser = decodeSeconds * 1000 / Double(users.count)
        variant.trainingCurve = curve
        variants.append(variant)
        perUserNDCG10[name] = perUser[3]
        hr10[name] = m[2]
        print(String(format: "%@: HR@5 %.4f NDCG@5 %.4f HR@10 %.4f NDCG@10 %.4f  fit %.1f s, decode %.3f ms/user",
                     name, m[0], m[1], m[2], m[3], fitSeconds, decodeSeconds * 1000 / Double(users.count)))
        fflush(stdout)
    }
    // The sanity the published numbers imply: a sequential model beats popularity.
    for name in ["markov", "sasrec"] where hr10[name] != nil && hr10[name]! <= hr10["popularity"]! {
        print("note: \(name) HR@10 \(hr10[name]!) does not beat popularity's \(hr10["popularity"]!)")
    }
    if let out = reportOut {
        var results = ComparisonResults(title: "Baselines on Amazon Beauty (leave-one-out)", dataset: "beauty",
                                        variants: variants, notes: ["full ranking over \(index.count) items, seed 2024"])
        try results.attachSignificance(perUser: perUserNDCG10, reference: "markov", seed: 1)
        try ComparisonReport(results: results).write(to: URL(fileURLWithPath: out))
        print("report: \(out)")
    }
}
