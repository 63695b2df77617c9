// The comparison report from a fixture results set (Tests/Fixtures/report/results.json, invented numbers):
// the three files, the verdict, table rows, significance marks, escaping, no network references, CSV shape.
import XCTest
import IDGenPlugins

final class ComparisonReportTests: XCTestCase {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report/results.json")

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testWritesAllThreeFilesAtomically() throws {
        let report = try ComparisonReport(results: try ComparisonResults.load(from: fixture))
        let folder = try temporaryFolder()
        let urls = try report.write(to: folder)
        XCTAssertEqual(urls.map(\.lastPathComponent), ["report.md", "report.html", "results.csv"])
        try report.write(to: folder)   // rewriting replaces in place
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["report.html", "report.md", "results.csv"], "no temporary files left behind")
        XCTAssertEqual(try String(contentsOf: urls[0], encoding: .utf8), report.markdown())
        // To look at the report (e.g. a headless-Chromium screenshot): IDGENREC_REPORT_OUT=/some/folder.
        if let out = ProcessInfo.processInfo.environment["IDGENREC_REPORT_OUT"] {
            try report.write(to: URL(fileURLWithPath: out))
        }
    }

    func testMarkdownHasVerdictTableIntervalsSignificanceAndCards() throws {
        let md = try ComparisonReport(results: try ComparisonResults.load(from: fixture)).markdown()
        // textual: NDCG@10 0.1360, Δ = +0.0370 over sequential's 0.0990 → +37.4%, p = 0.0001 < 0.0001 shown as "< 0.0001"
        XCTAssertTrue(md.contains("**Best NDCG@10: textual (0.1360), +0.0370 (+37.4%) vs sequential, p < 0.0001 — significant at 5%.**"), md)
        XCTAssertTrue(md.contains("Dataset: **synthetic (seed 7)** · 1000 test users · reference: **sequential**"))
        XCTAssertTrue(md.contains("| variant | kind | HR@5 | NDCG@5 | HR@10 | NDCG@10 | train s | samples/s | decode ms/user | Δ NDCG@10 | p |"))
        XCTAssertTrue(md.contains("| textual | item-ids | 0.1710 | 0.1130 | 0.2420 | 0.1360 ★ | 605.9 | 88.4 | 18.45 | +0.0370 | < 0.0001 * |"))
        XCTAssertTrue(md.contains("| sequential (ref) | item-ids | 0.1210 | 0.0800 | 0.1800 | 0.0990 | 598.2 | 140.5 | 12.31 | – | – |"))
        XCTAssertTrue(md.contains("| title | item-ids | 0.1260 | 0.0830 | 0.1850 | 0.1010 | 603.4 | 96.2 | 21.70 | +0.0020 | 0.410 |"), "p ≥ 0.05: no star")
        XCTAssertTrue(md.contains("| popularity | recommender | 0.0210 | 0.0130 | 0.0400 | 0.0190 | 0.01 | – | 0.02 | -0.0800 | < 0.0001 * |"))
        XCTAssertTrue(md.contains("| collaborative | paired-bootstrap | 1000 | +0.0170 | [0.0038, 0.0301] | 0.012 |"), "p ≥ 0.01 at 3 decimals")
        XCTAssertTrue(md.contains("| sasrec | [0.1350, 0.1810] | [0.0890, 0.1210] | [0.2010, 0.2530] | [0.1110, 0.1430] |"))
        XCTAssertTrue(md.contains("**title**\n\n- collisions: 6 resolved by suffix\n- mean ID length: 7.9 tokens\n"))
        XCTAssertTrue(md.contains("- numbers in this file are invented, for testing only"))
    }

    func testHTMLIsSelfContainedWithBarsWhiskersCurvesAndEscapedText() throws {
        let html = try ComparisonReport(results: try ComparisonResults.load(from: fixture)).html()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "<link", "src=", "@import", "url("] {
            XCTAssertFalse(html.contains(forbidden), "no external resources: found \(forbidden)")
        }
        // The only URL is the SVG namespace identifier (never fetched).
        let urls = html.components(separatedBy: "http").count - 1
        XCTAssertEqual(urls, html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "bars and curves")
        // 6 variants × 4 metrics bars, each with a tooltip; every bar here has an interval, so as many whiskers.
        XCTAssertEqual(html.components(separatedBy: "<rect x=").count - 1, 24 + 6 + 5, "bars + legend swatches (6 in the bars, 5 variants with curves)")
        XCTAssertEqual(html.components(separatedBy: "stroke=\"#333\" stroke-width=\"1.2\"").count - 1, 24)
        XCTAssertTrue(html.contains("<title>textual NDCG@10 0.1360 95% CI [0.1200, 0.1520]</title>"))
        XCTAssertEqual(html.components(separatedBy: "<polyline").count - 1, 5, "popularity has no curve")
        XCTAssertTrue(html.contains("Best NDCG@10: textual (0.1360), +0.0370 (+37.4%) vs sequential, p &lt; 0.0001 — significant at 5%."))
        XCTAssertTrue(html.contains("example: &quot;oriental &lt;perfume&gt; calvin&quot;"), "report-card text is escaped")
        XCTAssertTrue(html.contains("<td class=\"sig\">+0.0170<br><small>[0.0038, 0.0301]</small></td>"))
        XCTAssertTrue(html.contains("<td class=\"worse\">-0.0800"))
        XCTAssertTrue(html.contains("sequential (reference)"))
    }

    func testCSVHasOneRowPerVariantWithEveryNumber() throws {
        var results = try ComparisonResults.load(from: fixture)
        results.variants[2].name = "title, short"
        let lines = try ComparisonReport(results: results).csv().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[0], "variant,kind,users,HR@5,HR@5 lower,HR@5 upper,NDCG@5,NDCG@5 lower,NDCG@5 upper,HR@10,HR@10 lower,HR@10 upper,"
            + "NDCG@10,NDCG@10 lower,NDCG@10 upper,training_seconds,samples_per_second,decode_ms_per_user,reference,significance_metric,"
            + "method,mean_difference,difference_lower,difference_upper,p_value")
        XCTAssertEqual(lines[2], "collaborative,item-ids,1000,0.145,0.123,0.167,0.095,0.08,0.11,0.211,0.186,0.236,0.116,0.101,0.131,"
            + "601.0,138.0,13.02,sequential,NDCG@10,paired-bootstrap,0.017,0.0038,0.0301,0.0123")
        XCTAssertTrue(lines[3].hasPrefix("\"title, short\",item-ids,"), "fields with commas are quoted")
        XCTAssertTrue(lines[1].hasSuffix("sequential,NDCG@10,,,,,"), "the reference has no test against itself")
    }

    func testResultsBuiltFromPerUserValuesWithAttachedSignificance() throws {
        // Two variants over 200 users: B hits where A hits and on 20 more users → HR@10 0.30 vs 0.40.
        let a = (0..<200).map { $0 % 10 < 3 ? 1.0 : 0.0 }
        let b = (0..<200).map { $0 % 10 < 4 ? 1.0 : 0.0 }
        var results = ComparisonResults(title: "t", dataset: "d", metricNames: ["HR@10"], variants: [
            try VariantResult.summarizing(name: "A", kind: "item-ids", perUser: ["HR@10": a], seed: 1),
            try VariantResult.summarizing(name: "B", kind: "item-ids", perUser: ["HR@10": b], seed: 1),
        ], significanceMetric: "HR@10")
        XCTAssertEqual(results.variants[1].metrics["HR@10"]!, 0.4, accuracy: 1e-12)
        XCTAssertTrue(results.variants[1].intervals["HR@10"]!.contains(0.4))
        try results.attachSignificance(perUser: ["A": a, "B": b], reference: "A", method: .tTest, seed: 1)
        XCTAssertNil(results.variants[0].significance)
        // d = 1 on 20 users, 0 on 180: d̄ = 0.1, s = √(20·0.81 + 180·0.01)/199) = 0.30075, t = 0.1/(s/√200) = 4.7023
        let sig = try XCTUnwrap(results.variants[1].significance)
        XCTAssertEqual(sig.statistic, 4.7023, accuracy: 1e-3)
        XCTAssertLessThan(sig.pValue, 1e-4)
        let md = try ComparisonReport(results: results).markdown()
        XCTAssertTrue(md.contains("**Best HR@10: B (0.4000), +0.1000 (+33.3%) vs A, p < 0.0001 — significant at 5%.**"), md)
    }

    func testResultsRoundTripThroughJSONWithSnakeCaseKeys() throws {
        let results = try ComparisonResults.load(from: fixture)
        let data = try JSONEncoder().encode(results)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"metric_names\"", "\"significance_metric\"", "\"training_curve\"", "\"decode_ms_per_user\"", "\"p_value\"", "\"mean_difference\""] {
            XCTAssertTrue(text.contains(key), key)
        }
        XCTAssertEqual(try JSONDecoder().decode(ComparisonResults.self, from: data), results)
    }

    func testErrorsNameTheFileAndTheProblem() throws {
        XCTAssertThrowsError(try ComparisonReport(results: ComparisonResults(title: "t", dataset: "d", variants: [
            VariantResult(name: "a", kind: "item-ids", metrics: [:]),
        ], reference: "texual"))) { e in
            XCTAssertEqual("\(e)", "reference variant 'texual' is not among the variants; known: a")
        }
        let bad = try temporaryFolder().appendingPathComponent("results.json")
        try #"{"variants": [{"name": "a", "metrics": {"HR@5": "high"}}]}"#.write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ComparisonResults.load(from: bad)) { e in
            let text = "\(e)"
            XCTAssertTrue(text.contains(bad.path) && text.contains(".variants[0].metrics.HR@5") && text.contains("Double"), text)
        }
        XCTAssertThrowsError(try ComparisonReport(results: ComparisonResults(title: "t", dataset: "d", variants: []))) { e in
            XCTAssertEqual(e as? ReportError, .noVariants)
        }
    }
}
