// A metric served by an external plugin: one call per user with the ranked list and the target.
//   value  {ranked: [Int], target: Int, catalog_size: Int} → {"value": Number | null}
// Its name in metrics.json is the component's name. A plugin that fails or answers garbage for a user
// makes that user's value missing (excluded from the mean) and is reported once in `problems`.
import Foundation

public final class ExternalMetric: Metric {
    public let component: ExternalComponent
    public private(set) var problems: [String] = []
    public init(_ component: ExternalComponent) { self.component = component }

    public var name: String { component.name }

    public func value(ranked: [Int], target: Int, catalogSize: Int) -> Double? {
        do {
            let (reply, label) = try component.call("value", [
                ("ranked", .array(ranked.map { .int($0) })), ("target", .int(target)), ("catalog_size", .int(catalogSize)),
            ])
            if let v = reply["value"], v == .null { return nil }
            guard let v = reply["value"]?.doubleValue, v.isFinite else {
                throw PluginError(plugin: label, .badReply, "value: reply has no finite \"value\" number")
            }
            return v
        } catch {
            if problems.count < 3 { problems.append("\(error)") }
            return nil
        }
    }
}
