// Reading a finished variant back from its run folder (so compare can resume), and running a baseline
// recommender on the shared split with the same metrics.
import Foundation

extension CompareRunner {
    /// Report names for our metric keys ("hr@10" → "HR@10").
    static func reportName(_ metric: String) -> String {
        metric.hasPrefix("hr@") || metric.hasPrefix("ndcg@") || metric.hasPrefix("mrr@") ? metric.uppercased() : metric
    }

    /// The variant's metrics, timings and curve from its folder, and per-user NDCG@10 from per_user.csv.
    static func collect(name: String, kind: String, folder: URL) throws -> (VariantResult, [Double], String) {
        let summary = try JSONValue.parse(contentsOf: folder.appendingPathComponent("summary.json"))
        var metrics: [String: Double] = [:]
        for (k, v) in summary["metrics"]?.objectValue ?? [] { metrics[reportName(k)] = v.doubleValue }
        let csv = try String(contentsOf: folder.appendingPathComponent("per_user.csv"), encoding: .utf8)
        let ranks = perUserRanks(csv)
        let ndcg = ranks.map { r -> Double in r.map { $0 <= 10 ? 1 / log2(Double($0) + 1) : 0 } ?? 0 }
        var intervals: [String: ConfidenceInterval] = [:]
        for (metric, values) in [("HR@10", ranks.map { ($0 ?? 99) <= 10 ? 1.0 : 0 }), ("NDCG@10", ndcg),
                                 ("HR@5", ranks.map { ($0 ?? 99) <= 5 ? 1.0 : 0 }),
                                 ("NDCG@5", ranks.map { r -> Double in r.map { $0 <= 5 ? 1 / log2(Double($0) + 1) : 0 } ?? 0 })] {
            intervals[metric] = try? PairedSignificance.meanInterval(values)
        }
        var curve: [CurvePoint] = []
        if let text = try? String(contentsOf: folder.appendingPathComponent("curves.csv"), encoding: .utf8) {
            for line in text.split(separator: "\n").dropFirst() {
                let f = line.split(separator: ",", omittingEmptySubsequences: false)
                if f.count >= 4, let step = Int(f[1]), let loss = Double(f[3]) { curve.append(CurvePoint(step: step, loss: loss, epoch: Double(f[2]))) }
            }
        }
        let v = VariantResult(name: name, kind: kind, metrics: metrics, intervals: intervals,
                              trainingSeconds: summary["training_seconds"]?.doubleValue,
                              samplesPerSecond: summary["samples_per_second"]?.doubleValue,
                              decodeMillisecondsPerUser: summary["decode_ms_per_user"]?.doubleValue,
                              users: summary["users"]?.intValue, trainingCurve: curve,
                              reportCard: summary["id_report"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        return (v, ndcg, summary["dataset"]?.stringValue ?? "")
    }

    /// The `rank` column of per_user.csv (1-based, empty when the target was not returned), in file order.
    static func perUserRanks(_ csv: String) -> [Int?] {
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first?.split(separator: ",").map(String.init), let col = header.firstIndex(of: "rank") else { return [] }
        lines.removeFirst()
        return lines.map { line in
            // Quoted fields may hold commas; the columns before `rank` are user, target, target_id.
            let fields = PerUserCSVWriter.splitRecord(String(line))
            return col < fields.count ? Int(fields[col]) : nil
        }
    }

    func runBaseline(_ name: String, params: JSONValue = .object([]), data: Interactions, split: DataSplit,
                     seed: UInt64) throws -> (VariantResult, [Double]) {
        let model = try registry.make(SequentialRecommender.self, .recommender, name, params: params)
        let started = Date()
        try model.fit(trainingSequences: split.trainingSequences, itemCount: data.itemCount, seed: seed, progress: nil)
        let trainSeconds = Date().timeIntervalSince(started)
        let decodeStart = Date()
        let lists = try model.recommend(histories: split.test.map(\.history), k: 20)
        let ms = Date().timeIntervalSince(decodeStart) * 1000 / Double(max(split.test.count, 1))
        let ranks = zip(lists, split.test).map { list, s in list.firstIndex(of: s.target).map { $0 + 1 } }
        func metric(_ k: Int, _ f: (Int) -> Double) -> [Double] { ranks.map { r in r.map { $0 <= k ? f($0) : 0 } ?? 0 } }
        let columns: [(String, [Double])] = [("HR@5", metric(5) { _ in 1 }), ("NDCG@5", metric(5) { 1 / log2(Double($0) + 1) }),
                                             ("HR@10", metric(10) { _ in 1 }), ("NDCG@10", metric(10) { 1 / log2(Double($0) + 1) })]
        var metrics: [String: Double] = [:], intervals: [String: ConfidenceInterval] = [:]
        for (n, v) in columns {
            metrics[n] = v.reduce(0, +) / Double(max(v.count, 1))
            intervals[n] = try? PairedSignificance.meanInterval(v)
        }
        let variant = VariantResult(name: name, kind: "recommender", metrics: metrics, intervals: intervals, trainingSeconds: trainSeconds,
                                    decodeMillisecondsPerUser: ms, users: split.test.count)
        return (variant, columns[3].1)
    }
}
