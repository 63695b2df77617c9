// report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) laid out for a
// 30-second read — the verdict first, then the bars with 95% whiskers, the table with significance, the
// training curves, the ID report cards and the notes.
import Foundation

extension ComparisonReport {
    public func html() -> String {
        let e = Self.escape
        var body = "<h1>\(e(results.title))</h1>\n<p class=\"meta\">"
        var meta: [String] = []
        if !results.dataset.isEmpty { meta.append("Dataset <b>\(e(results.dataset))</b>") }
        if let users = variants.compactMap(\.users).max() { meta.append("\(users) test users") }
        meta.append("\(variants.count) variants")
        if let ref = results.reference { meta.append("reference <b>\(e(ref))</b>") }
        body += meta.joined(separator: " · ") + "</p>\n"
        body += "<p class=\"verdict\">\(e(verdict))</p>\n"

        body += "<h2>Accuracy with 95% confidence intervals</h2>\n<figure>\(metricBarsSVG())</figure>\n"
        body += "<h2>Results</h2>\n<div class=\"wide\">" + resultsTable() + "</div>\n"
        body += "<p class=\"legend\">★ best \(e(results.significanceMetric)). Δ and p: paired test over per-user "
        body += "\(e(results.significanceMetric)) against the reference; <span class=\"sig\">green</span> = better at p &lt; 0.05, "
        body += "<span class=\"worse\">red</span> = worse at p &lt; 0.05.</p>\n"
        if let curves = trainingCurvesSVG() {
            body += "<h2>Training curves</h2>\n<figure>\(curves)</figure>\n"
        }
        let cards = variants.filter { !$0.reportCard.isEmpty }
        if !cards.isEmpty {
            body += "<h2>ID report cards</h2>\n<div class=\"cards\">\n"
            for v in cards {
                let i = variants.firstIndex { $0.name == v.name } ?? 0
                body += "<section class=\"card\" style=\"border-top-color:\(color(i))\"><h3>\(e(v.name))</h3><ul>"
                body += v.reportCard.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>\n"
            }
            body += "</div>\n"
        }
        if !results.notes.isEmpty {
            body += "<h2>Notes</h2>\n<ul class=\"notes\">" + results.notes.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(results.title))</title>
        <style>\(Self.css)</style>
        </head><body><main>
        \(body)</main></body></html>

        """
    }

    private func resultsTable() -> String {
        let e = Self.escape
        let sm = results.significanceMetric
        var s = "<table>\n<thead><tr><th class=\"l\">variant</th><th class=\"l\">kind</th>"
        s += metrics.map { "<th>\(e($0))</th>" }.joined()
        s += "<th>train s</th><th>samples/s</th><th>decode ms/user</th><th>Δ \(e(sm)) [95% CI]</th><th>p</th></tr></thead>\n<tbody>\n"
        for (i, v) in variants.enumerated() {
            let ref = v.name == results.reference
            s += "<tr\(ref ? " class=\"ref\"" : "")><td class=\"l\"><span class=\"dot\" style=\"background:\(color(i))\"></span>"
            s += "\(e(v.name))\(ref ? " <small>(reference)</small>" : "")</td><td class=\"l kind\">\(e(v.kind))</td>"
            for m in metrics {
                guard let value = v.metrics[m] else { s += "<td>–</td>"; continue }
                let star = best?.name == v.name && m == sm ? " ★" : ""
                let tip = v.intervals[m].map { " title=\"95% CI \(Self.interval($0))\"" } ?? ""
                s += "<td\(tip)>\(Self.number(value))\(star)"
                if let ci = v.intervals[m] { s += "<br><small>±\(Self.number((ci.upper - ci.lower) / 2))</small>" }
                s += "</td>"
            }
            s += "<td>\(v.trainingSeconds.map(Self.seconds) ?? "–")</td>"
            s += "<td>\(v.samplesPerSecond.map { Self.fixed($0, 1) } ?? "–")</td>"
            s += "<td>\(v.decodeMillisecondsPerUser.map { Self.fixed($0, 2) } ?? "–")</td>"
            if let sig = v.significance {
                let cls = sig.pValue < 0.05 ? (sig.meanDifference > 0 ? " class=\"sig\"" : " class=\"worse\"") : ""
                s += "<td\(cls)>\(Self.signed(sig.meanDifference))<br><small>\(Self.interval(sig.interval))</small></td>"
                s += "<td\(cls) title=\"\(e(sig.method)), \(sig.count) users\">\(Self.pValue(sig.pValue))</td>"
            } else {
                s += "<td>–</td><td>–</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    static let css = """
    body{margin:0;background:#fafafa;color:#1d1d1f;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif}
    main{max-width:1120px;margin:0 auto;padding:24px 20px 48px}
    h1{font-size:26px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
    .meta{color:#555;margin:0 0 12px}
    .verdict{font-size:18px;font-weight:600;background:#eef4fb;border-left:5px solid #4e79a7;padding:10px 14px;margin:8px 0 0}
    figure{margin:0;background:#fff;border:1px solid #e5e5e5;border-radius:6px;padding:8px;overflow-x:auto}
    figure svg{display:block;max-width:100%;height:auto}
    table{border-collapse:collapse;width:100%;background:#fff;font-variant-numeric:tabular-nums;font-size:13px}
    th,td{padding:6px 7px;border-bottom:1px solid #eee;text-align:right;vertical-align:top;white-space:nowrap}
    th{background:#f1f1f3;font-weight:600}.l{text-align:left}.kind{color:#666}
    tr.ref td{background:#f7f7f9}small{color:#777;font-size:11px}
    td.sig{color:#1a7f37;font-weight:600}td.worse{color:#c62828;font-weight:600}
    span.sig{color:#1a7f37;font-weight:600}span.worse{color:#c62828;font-weight:600}
    .dot{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
    .legend{color:#555;font-size:13px}.wide{overflow-x:auto}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:12px}
    .card{background:#fff;border:1px solid #e5e5e5;border-top:4px solid #999;border-radius:6px;padding:8px 12px}
    .card h3{margin:0 0 4px;font-size:15px}.card ul,.notes{margin:0;padding-left:18px}
    """
}
