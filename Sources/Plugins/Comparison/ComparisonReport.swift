// The comparison report: from one `ComparisonResults`, three files side by side —
//   report.md     the table, intervals, paired significance vs the reference, ID report cards, notes
//   report.html   the same, self-contained (inline CSS + SVG, no network): a one-line verdict, grouped bars
//                 with 95% whiskers, training curves (ComparisonReport+HTML.swift, +SVG.swift)
//   results.csv   one row per variant, every number, for spreadsheets and plotting scripts
// All written atomically (temp file in the same folder, then rename).
import Foundation

public struct ComparisonReport {
    public let results: ComparisonResults

    public init(results: ComparisonResults) throws {
        guard !results.variants.isEmpty else { throw ReportError.noVariants }
        if let r = results.reference, !results.variants.contains(where: { $0.name == r }) {
            throw ReportError.unknownVariant(r, known: results.variants.map(\.name))
        }
        self.results = results
    }

    /// Writes report.md, report.html and results.csv into `folder` (created if needed); returns their URLs.
    @discardableResult
    public func write(to folder: URL) throws -> [URL] {
        let files = [("report.md", markdown()), ("report.html", html()), ("results.csv", csv())]
        return try files.map { name, text in
            let url = folder.appendingPathComponent(name)
            try AtomicFile.write(text, to: url)
            return url
        }
    }

    // MARK: shared reading of the results

    var metrics: [String] { results.metricNames }
    var variants: [VariantResult] { results.variants }

    /// The variant with the highest value of the significance metric (ties: first listed).
    var best: VariantResult? {
        let m = results.significanceMetric
        return variants.filter { $0.metrics[m] != nil }.max { ($0.metrics[m] ?? 0) < ($1.metrics[m] ?? 0) }
    }

    /// One sentence a reader can take away: who wins on the significance metric, by how much, how sure.
    var verdict: String {
        let m = results.significanceMetric
        guard let best, let value = best.metrics[m] else { return "No variant reports \(m)." }
        var s = "Best \(m): \(best.name) (\(Self.number(value)))"
        if let ref = results.reference, ref != best.name, let sig = best.significance {
            let rel = variants.first { $0.name == ref }?.metrics[m].map { $0 > 0 ? sig.meanDifference / $0 * 100 : 0 }
            s += ", \(Self.signed(sig.meanDifference))"
            if let rel { s += " (\(Self.signed(rel, digits: 1))%)" }
            s += " vs \(ref), p \(Self.pValue(sig.pValue, equalsSign: true))"
            s += sig.pValue < 0.05 ? " — significant at 5%." : " — not significant at 5%."
        } else if let ref = results.reference, ref == best.name {
            s += ", the reference; no variant beats it."
        } else {
            s += "."
        }
        return s
    }

    // MARK: report.md

    public func markdown() -> String {
        var out = "# \(results.title)\n\n"
        if !results.dataset.isEmpty { out += "Dataset: **\(results.dataset)**" }
        if let users = variants.compactMap(\.users).max() { out += " · \(users) test users" }
        if let ref = results.reference { out += " · reference: **\(ref)**" }
        out += "\n\n**\(verdict)**\n\n"

        out += "## Results\n\n"
        let head = ["variant", "kind"] + metrics + ["train s", "samples/s", "decode ms/user",
                                                    "Δ \(results.significanceMetric)", "p"]
        out += "| " + head.joined(separator: " | ") + " |\n"
        out += "|" + head.enumerated().map { $0.offset < 2 ? "---" : "---:" }.joined(separator: "|") + "|\n"
        for v in variants {
            var row = [v.name == results.reference ? "\(v.name) (ref)" : v.name, v.kind]
            row += metrics.map { m in v.metrics[m].map { Self.number($0) + (best?.name == v.name && m == results.significanceMetric ? " ★" : "") } ?? "–" }
            row += [v.trainingSeconds.map(Self.seconds) ?? "–", v.samplesPerSecond.map { Self.fixed($0, 1) } ?? "–",
                    v.decodeMillisecondsPerUser.map { Self.fixed($0, 2) } ?? "–",
                    v.significance.map { Self.signed($0.meanDifference) } ?? "–",
                    v.significance.map { Self.pValue($0.pValue) + ($0.pValue < 0.05 ? " *" : "") } ?? "–"]
            out += "| " + row.joined(separator: " | ") + " |\n"
        }
        out += "\n★ best \(results.significanceMetric); * p < 0.05 in a paired test over per-user \(results.significanceMetric) vs the reference.\n\n"

        out += "## 95% confidence intervals of the means\n\n"
        out += "| variant | " + metrics.joined(separator: " | ") + " |\n|---|" + metrics.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for v in variants {
            out += "| \(v.name) | " + metrics.map { m in v.intervals[m].map { Self.interval($0) } ?? "–" }.joined(separator: " | ") + " |\n"
        }

        if variants.contains(where: { $0.significance != nil }), let ref = results.reference {
            out += "\n## Paired significance vs \(ref) (per-user \(results.significanceMetric))\n\n"
            out += "| variant | method | users | mean difference | 95% CI of difference | p |\n|---|---|---:|---:|---|---:|\n"
            for v in variants {
                guard let s = v.significance else { continue }
                out += "| \(v.name) | \(s.method) | \(s.count) | \(Self.signed(s.meanDifference)) | \(Self.interval(s.interval)) | \(Self.pValue(s.pValue)) |\n"
            }
        }

        let cards = variants.filter { !$0.reportCard.isEmpty }
        if !cards.isEmpty {
            out += "\n## ID report cards\n"
            for v in cards {
                out += "\n**\(v.name)**\n\n" + v.reportCard.map { "- \($0)\n" }.joined()
            }
        }
        if !results.notes.isEmpty {
            out += "\n## Notes\n\n" + results.notes.map { "- \($0)\n" }.joined()
        }
        return out
    }

    // MARK: results.csv

    public func csv() -> String {
        var head = ["variant", "kind", "users"]
        for m in metrics { head += [m, "\(m) lower", "\(m) upper"] }
        head += ["training_seconds", "samples_per_second", "decode_ms_per_user", "reference", "significance_metric",
                 "method", "mean_difference", "difference_lower", "difference_upper", "p_value"]
        var lines = [head.map(Self.csvField).joined(separator: ",")]
        func num(_ x: Double?) -> String { x.map { String($0) } ?? "" }
        for v in variants {
            var row = [v.name, v.kind, v.users.map(String.init) ?? ""]
            for m in metrics { row += [num(v.metrics[m]), num(v.intervals[m]?.lower), num(v.intervals[m]?.upper)] }
            let s = v.significance
            row += [num(v.trainingSeconds), num(v.samplesPerSecond), num(v.decodeMillisecondsPerUser),
                    results.reference ?? "", results.significanceMetric, s?.method ?? "", num(s?.meanDifference),
                    num(s?.interval.lower), num(s?.interval.upper), num(s?.pValue)]
            lines.append(row.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    // MARK: number formats (metrics at 4 decimals, as papers print HR/NDCG)

    static func number(_ x: Double) -> String { String(format: "%.4f", x) }
    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
    /// Seconds at 1 decimal, or 2 significant-ish decimals below 10 s (count-based baselines train in ms).
    static func seconds(_ x: Double) -> String { x < 10 ? String(format: "%.2f", x) : String(format: "%.1f", x) }
    static func signed(_ x: Double, digits: Int = 4) -> String { String(format: "%+.\(digits)f", x) }
    static func interval(_ c: ConfidenceInterval) -> String { "[\(number(c.lower)), \(number(c.upper))]" }
    static func pValue(_ p: Double, equalsSign: Bool = false) -> String {
        if p < 0.0001 { return "< 0.0001" }
        return (equalsSign ? "= " : "") + (p < 0.01 ? String(format: "%.4f", p) : String(format: "%.3f", p))
    }
}
