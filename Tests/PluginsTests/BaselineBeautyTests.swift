// The baselines on Amazon Beauty (../shared/data/beauty), leave-one-out: train on each user's sequence without
// its last two items, test on the last item with everything before it visible (SASRec's protocol), all users,
// HR/NDCG@5/10 over the full catalog. A measurement, not part of the quick suite: it runs only with
// IDGENREC_BEAUTY=1 (SASRec epochs from IDGENREC_SASREC_EPOCHS, default 20;
// IDGENREC_SASREC_DROPOUT and IDGENREC_SASREC_SECONDS, a wall-time budget, optional) and skips when the data are absent.
import XCTest
import IDGenPlugins

final class BaselineBeautyTests: XCTestCase {
    func testBaselinesOnBeautyLeaveOneOut() throws {
        guard ProcessInfo.processInfo.environment["IDGENREC_BEAUTY"] == "1" else {
            throw XCTSkip("set IDGENREC_BEAUTY=1 to run the Beauty baseline measurement")
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = repo.deletingLastPathComponent().appendingPathComponent("shared/data/beauty/user_sequence.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw XCTSkip("no Beauty data at \(file.path)")
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
        let epochs = Int(ProcessInfo.processInfo.environment["IDGENREC_SASREC_EPOCHS"] ?? "") ?? 20
        var sasrecConfig = SASRecRecommender.Config()
        sasrecConfig.epochs = epochs
        if let d = ProcessInfo.processInfo.environment["IDGENREC_SASREC_DROPOUT"].flatMap(Double.init) { sasrecConfig.dropout = d }
        sasrecConfig.maxSeconds = ProcessInfo.processInfo.environment["IDGENREC_SASREC_SECONDS"].flatMap(Double.init)
        print("Beauty: \(users.count) users, \(index.count) items, SASRec \(epochs) epochs, dropout \(sasrecConfig.dropout)")

        var hr10: [String: Double] = [:]
        var models: [(String, SequentialRecommender)] = [
            ("popularity", PopularityRecommender()), ("markov", MarkovRecommender()), ("item-knn", ItemKNNRecommender()),
        ]
        if epochs > 0 { models.append(("sasrec", SASRecRecommender(config: sasrecConfig))) }
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
            var perUser = [[Double]](repeating: [Double](repeating: 0, count: users.count), count: 4)  // HR@5, NDCG@5, HR@10, NDCG@10
            for (u, (list, target)) in zip(lists, targets).enumerated() {
                guard let rank = list.firstIndex(of: target) else { continue }
                let gain = 1 / log2(Double(rank) + 2)
                if rank < 5 { perUser[0][u] = 1; perUser[1][u] = gain }
                perUser[2][u] = 1; perUser[3][u] = gain
            }
            let m = perUser.map { $0.reduce(0, +) / Double(users.count) }
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
        if epochs > 0 { XCTAssertGreaterThan(hr10["sasrec"]!, hr10["popularity"]!) }
        XCTAssertGreaterThan(hr10["markov"]!, hr10["popularity"]!)
        // The whole report chain on real numbers: per-user values → intervals → paired tests → files.
        if let out = ProcessInfo.processInfo.environment["IDGENREC_REPORT_OUT"] {
            var results = ComparisonResults(title: "Baselines on Amazon Beauty (leave-one-out)", dataset: "beauty",
                                            variants: variants, notes: ["full ranking over \(index.count) items, seed 2024"])
            try results.attachSignificance(perUser: perUserNDCG10, reference: "markov", seed: 1)
            try ComparisonReport(results: results).write(to: URL(fileURLWithPath: out))
        }
    }
}
