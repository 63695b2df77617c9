// A reporter served by an external plugin: the run's summary and folder go out; the plugin writes its own
// files there and may return text to print.
//   report  {folder, experiment, dataset, item_ids, users, metrics: {name: value}, training_seconds,
//            samples_per_second, decode_ms_per_user, id_report: [String], notes: [String]} → {"text": String?}
import Foundation

public final class ExternalRunReporter: RunReporter {
    public let component: ExternalComponent
    public init(_ component: ExternalComponent) { self.component = component }

    public func report(_ s: RunSummary, to folder: URL) throws -> String {
        let (reply, _) = try component.call("report", [
            ("folder", .string(folder.path)), ("experiment", .string(s.experiment)), ("dataset", .string(s.dataset)),
            ("item_ids", .string(s.itemIDs)), ("users", .int(s.users)),
            ("metrics", .object(s.metrics.map { ($0.name, .double($0.value)) })),
            ("training_seconds", .double(s.trainingSeconds)), ("samples_per_second", .double(s.samplesPerSecond)),
            ("decode_ms_per_user", .double(s.decodeMillisecondsPerUser)),
            ("id_report", .array(s.idReport.map(JSONValue.string))), ("notes", .array(s.notes.map(JSONValue.string))),
        ])
        return reply["text"]?.stringValue ?? ""
    }
}
