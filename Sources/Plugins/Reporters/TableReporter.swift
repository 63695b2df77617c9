// The `table` reporter: the run's metrics as a Markdown table in report.md, also printed.
import Foundation

public struct TableReporter: RunReporter {
    public init() {}

    public func report(_ s: RunSummary, to folder: URL) throws -> String {
        var md = "# \(s.experiment)\n\n"
        md += "dataset `\(s.dataset)`, item IDs `\(s.itemIDs)`, \(s.users) test users\n\n"
        md += "| " + s.metrics.map(\.name).joined(separator: " | ") + " |\n"
        md += "|" + String(repeating: "---:|", count: s.metrics.count) + "\n"
        md += "| " + s.metrics.map { String(format: "%.4f", $0.value) }.joined(separator: " | ") + " |\n\n"
        md += String(format: "training %.1f s (%.1f samples/s), decoding %.2f ms/user\n", s.trainingSeconds, s.samplesPerSecond, s.decodeMillisecondsPerUser)
        if !s.idReport.isEmpty { md += "\n## Item IDs\n\n" + s.idReport.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        if !s.notes.isEmpty { md += "\n## Data notes\n\n" + s.notes.map { "- \($0)" }.joined(separator: "\n") + "\n" }
        try AtomicFile.write(md, to: folder.appendingPathComponent("report.md"))
        let header = s.metrics.map { $0.name.padding(toLength: max(9, $0.name.count), withPad: " ", startingAt: 0) }.joined(separator: " ")
        let values = s.metrics.map { String(format: "%.4f", $0.value).padding(toLength: max(9, $0.name.count), withPad: " ", startingAt: 0) }.joined(separator: " ")
        return "\(s.itemIDs) on \(s.dataset) (\(s.users) users)\n  \(header)\n  \(values)"
    }
}
