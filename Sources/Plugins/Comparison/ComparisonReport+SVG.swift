// The report's two charts as inline SVG (no scripts, no fonts to fetch):
//   metric bars: one group per metric, one bar per variant, a whisker for the 95% interval of the mean
//   training curves: loss against optimizer steps, one line per variant that has a curve
// Colors: Tableau 10, the same color for a variant in both charts; the reference gets a dark outline.
import Foundation

extension ComparisonReport {
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                          "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    func color(_ variantIndex: Int) -> String { Self.palette[variantIndex % Self.palette.count] }

    /// Grouped bars of every metric with 95% whiskers.
    public func metricBarsSVG(width: Double = 960, height: Double = 400) -> String {
        let left = 56.0, right = 12.0, top = 14.0
        let legend = legendRows(width: width - left - right)
        let bottom = 44.0 + Double(legend.count) * 20
        let plotW = width - left - right, plotH = height - top - bottom
        let tops = variants.flatMap { v in metrics.map { max(v.metrics[$0] ?? 0, v.intervals[$0]?.upper ?? 0) } }
        let ticks = Self.niceTicks(upTo: max(tops.max() ?? 0, 1e-9) * 1.05)
        let yMax = ticks.last!
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), yMax) / yMax) }

        var s = svgOpen(width, height, label: "Metrics per variant with 95% confidence intervals")
        s += axisY(ticks: ticks, y: y, left: left, width: plotW, format: { Self.tickLabel($0, step: ticks[1] - ticks[0]) })
        let groupW = plotW / Double(max(metrics.count, 1))
        let barW = groupW * 0.8 / Double(max(variants.count, 1))
        for (g, m) in metrics.enumerated() {
            let x0 = left + Double(g) * groupW + groupW * 0.1
            for (i, v) in variants.enumerated() {
                guard let value = v.metrics[m] else { continue }
                let x = x0 + Double(i) * barW
                let ref = v.name == results.reference
                let tip = "\(v.name) \(m) \(Self.number(value))" + (v.intervals[m].map { " 95% CI \(Self.interval($0))" } ?? "")
                s += "<rect x=\"\(f(x + 1))\" y=\"\(f(y(value)))\" width=\"\(f(max(barW - 2, 1)))\" height=\"\(f(y(0) - y(value)))\" "
                s += "fill=\"\(color(i))\"\(ref ? " stroke=\"#222\" stroke-width=\"1.5\"" : "")><title>\(Self.escape(tip))</title></rect>\n"
                if let ci = v.intervals[m] {
                    let cx = x + barW / 2, cap = min(barW * 0.25, 6)
                    s += "<path d=\"M\(f(cx)),\(f(y(ci.lower)))V\(f(y(ci.upper)))M\(f(cx - cap)),\(f(y(ci.lower)))h\(f(2 * cap))"
                    s += "M\(f(cx - cap)),\(f(y(ci.upper)))h\(f(2 * cap))\" stroke=\"#333\" stroke-width=\"1.2\" fill=\"none\"/>\n"
                }
            }
            s += "<text x=\"\(f(left + (Double(g) + 0.5) * groupW))\" y=\"\(f(top + plotH + 20))\" text-anchor=\"middle\" "
            s += "font-size=\"14\" font-weight=\"600\">\(Self.escape(m))</text>\n"
        }
        s += legendSVG(legend, x: left, y: height - Double(legend.count) * 20 + 4)
        return s + "</svg>\n"
    }

    /// Training loss against steps for every variant with a curve; nil when no variant has one.
    public func trainingCurvesSVG(width: Double = 960, height: Double = 320) -> String? {
        let curves = variants.enumerated().filter { $0.element.trainingCurve.count >= 1 }
        guard !curves.isEmpty else { return nil }
        let left = 56.0, right = 12.0, top = 14.0
        let legend = legendRows(width: width - left - right, only: Set(curves.map(\.offset)))
        let bottom = 52.0 + Double(legend.count) * 20
        let plotW = width - left - right, plotH = height - top - bottom
        let points = curves.flatMap(\.element.trainingCurve)
        let maxStep = Double(max(points.map(\.step).max() ?? 1, 1))
        let yTicks = Self.niceTicks(upTo: max(points.map(\.loss).max() ?? 1, 1e-9) * 1.02)
        let xTicks = Self.niceTicks(upTo: maxStep)
        let yMax = yTicks.last!, xMax = xTicks.last!
        func x(_ step: Double) -> Double { left + plotW * step / xMax }
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v, 0), yMax) / yMax) }

        var s = svgOpen(width, height, label: "Training loss per optimizer step")
        s += axisY(ticks: yTicks, y: y, left: left, width: plotW, format: { Self.tickLabel($0, step: yTicks[1] - yTicks[0]) })
        for t in xTicks {
            s += "<text x=\"\(f(x(t)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#555\">\(Int(t))</text>\n"
        }
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 34))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">optimizer steps</text>\n"
        s += "<text transform=\"translate(14,\(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">training loss</text>\n"
        for (i, v) in curves {
            let pts = v.trainingCurve.sorted { $0.step < $1.step }.map { "\(f(x(Double($0.step)))),\(f(y($0.loss)))" }
            if pts.count == 1 {
                s += "<circle cx=\"\(pts[0].split(separator: ",")[0])\" cy=\"\(pts[0].split(separator: ",")[1])\" r=\"3\" fill=\"\(color(i))\"/>\n"
            } else {
                s += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(color(i))\" stroke-width=\"2\">"
                s += "<title>\(Self.escape(v.name))</title></polyline>\n"
            }
        }
        s += legendSVG(legend, x: left, y: height - Double(legend.count) * 20 + 4)
        return s + "</svg>\n"
    }

    // MARK: pieces

    private func f(_ x: Double) -> String { String(format: "%.1f", x) }

    private func svgOpen(_ w: Double, _ h: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(w)) \(f(h))\" width=\"\(f(w))\" height=\"\(f(h))\" "
            + "role=\"img\" aria-label=\"\(Self.escape(label))\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">\n"
    }

    private func axisY(ticks: [Double], y: (Double) -> Double, left: Double, width: Double, format: (Double) -> String) -> String {
        var s = ""
        for t in ticks {
            s += "<line x1=\"\(f(left))\" x2=\"\(f(left + width))\" y1=\"\(f(y(t)))\" y2=\"\(f(y(t)))\" stroke=\"\(t == 0 ? "#888" : "#e3e3e3")\"/>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">\(format(t))</text>\n"
        }
        return s
    }

    /// Legend entries (variant index, label) packed into rows that fit `width` (≈7 px per character at 12 px).
    private func legendRows(width: Double, only: Set<Int>? = nil) -> [[(Int, String, Double)]] {
        var rows: [[(Int, String, Double)]] = [[]], used = 0.0
        for (i, v) in variants.enumerated() where only?.contains(i) ?? true {
            let label = v.name == results.reference ? "\(v.name) (reference)" : v.name
            let w = 22 + 7 * Double(label.count) + 16
            if used + w > width && !rows[rows.count - 1].isEmpty { rows.append([]); used = 0 }
            rows[rows.count - 1].append((i, label, used))
            used += w
        }
        return rows
    }

    private func legendSVG(_ rows: [[(Int, String, Double)]], x: Double, y: Double) -> String {
        var s = ""
        for (r, row) in rows.enumerated() {
            for (i, label, dx) in row {
                let yy = y + Double(r) * 20
                s += "<rect x=\"\(f(x + dx))\" y=\"\(f(yy - 11))\" width=\"14\" height=\"14\" rx=\"2\" fill=\"\(color(i))\"/>"
                s += "<text x=\"\(f(x + dx + 20))\" y=\"\(f(yy))\" font-size=\"12\" fill=\"#222\">\(Self.escape(label))</text>\n"
            }
        }
        return s
    }

    /// 0 and about five round steps (1, 2, 2.5 or 5 × 10ᵏ) up to at least `top`.
    static func niceTicks(upTo top: Double) -> [Double] {
        let raw = top / 5
        let mag = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        let n = Int(ceil(top / step - 1e-9))
        return (0...max(n, 1)).map { Double($0) * step }
    }

    static func tickLabel(_ v: Double, step: Double) -> String {
        let digits = max(0, min(6, Int(ceil(-log10(step))) + (step * pow(10, ceil(-log10(step))) == 2.5 ? 1 : 0)))
        return String(format: "%.\(digits)f", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
