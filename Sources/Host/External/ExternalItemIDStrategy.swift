import Foundation

// An item-ID strategy served by an external plugin (library or subprocess): the catalog texts, the
// training-visible sequences and the seed go out; ids and added tokens come back and are checked — a
// plugin that answers with the wrong number of IDs, empty or duplicate IDs is an error naming it.
//
// Legend: N items.
public final class ExternalItemIDStrategy: ItemIDStrategy {
    public let component: ExternalComponent

    public init(_ component: ExternalComponent) { self.component = component }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        let catalog = JSONValue.array(input.catalog.map { item in
            .object([("raw_id", .string(item.rawID)), ("text", .string(item.text)),
                     ("fields", .object(item.fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))])
        })
        let sequences = JSONValue.array(input.trainingSequences.map { .array($0.map { .int($0) }) })
        let (reply, label) = try component.call("assign", [
            ("catalog", catalog), ("training_sequences", sequences), ("seed", .int(Int(truncatingIfNeeded: input.seed))),
        ])
        return try ExternalItemIDStrategy.assignment(from: reply, itemCount: input.catalog.count, label: label)
    }

    static func assignment(from reply: JSONValue, itemCount: Int, label: String) throws -> ItemIDAssignment {
        func lie(_ m: String) -> PluginError { PluginError(plugin: label, .badReply, "assign: \(m)") }
        guard let idValues = reply["ids"]?.arrayValue else { throw lie("reply has no \"ids\" array") }
        guard idValues.count == itemCount else { throw lie("returned \(idValues.count) ids for \(itemCount) catalog items") }
        var ids: [String] = []                                // [N]
        var firstUse: [String: Int] = [:]
        for (i, v) in idValues.enumerated() {
            guard let s = v.stringValue else { throw lie("id \(i) is \(v.typeName), expected a string") }
            guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw lie("id \(i) is empty") }
            if let j = firstUse[s] { throw lie("items \(j) and \(i) both got the id '\(s)'; ids must be unique") }
            firstUse[s] = i
            ids.append(s)
        }
        var added: [String] = []
        for (i, v) in (reply["added_tokens"]?.arrayValue ?? []).enumerated() {
            guard let s = v.stringValue, !s.isEmpty else { throw lie("added_tokens[\(i)] is not a non-empty string") }
            added.append(s)
        }
        var report: [String: String] = [:]
        for (k, v) in reply["report"]?.objectValue ?? [] { report[k] = v.stringValue ?? v.serialized() }
        return ItemIDAssignment(ids: ids, addedTokens: added, report: report)
    }
}
