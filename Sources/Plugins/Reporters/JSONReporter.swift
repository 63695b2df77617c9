// The `json` reporter: summary.json — metrics, timings, the ID report card and data notes, for scripts.
import Foundation

public struct JSONReporter: RunReporter {
    public init() {}

    public func report(_ s: RunSummary, to folder: URL) throws -> String {
        let json = JSONValue.object([
            ("experiment", .string(s.experiment)), ("dataset", .string(s.dataset)), ("item_ids", .string(s.itemIDs)),
            ("users", .int(s.users)),
            ("metrics", .object(s.metrics.map { ($0.name, .double($0.value)) })),
            ("training_seconds", .double(s.trainingSeconds)), ("samples_per_second", .double(s.samplesPerSecond)),
            ("decode_ms_per_user", .double(s.decodeMillisecondsPerUser)),
            ("id_report", .array(s.idReport.map(JSONValue.string))), ("notes", .array(s.notes.map(JSONValue.string))),
        ])
        try AtomicFile.write(json.serialized(pretty: true) + "\n", to: folder.appendingPathComponent("summary.json"))
        return ""
    }
}
