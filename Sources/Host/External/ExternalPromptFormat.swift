// A prompt format served by an external plugin: per sample, the visible history's item IDs go out and the
// prompt text comes back. The target's ID is sent only as the output slot's value, never in the history.
//   prompt  {index, history_ids: [String], target_id: String, user_id: String, dataset: String}
//           → {"input": String, "output": String}
import Foundation

public final class ExternalPromptFormat: PromptFormat {
    public let component: ExternalComponent
    public init(_ component: ExternalComponent) { self.component = component }

    public func prompt(for sample: Sample, index: Int, itemIDs: [String], userID: String, dataset: String) throws -> PromptPair {
        let (reply, label) = try component.call("prompt", [
            ("index", .int(index)), ("history_ids", .array(sample.history.map { .string(itemIDs[$0]) })),
            ("target_id", .string(itemIDs[sample.target])), ("user_id", .string(userID)), ("dataset", .string(dataset)),
        ])
        guard let input = reply["input"]?.stringValue, let output = reply["output"]?.stringValue else {
            throw PluginError(plugin: label, .badReply, "prompt: reply needs \"input\" and \"output\" strings")
        }
        return PromptPair(input: input, output: output)
    }
}
