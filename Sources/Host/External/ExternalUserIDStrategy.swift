// A user-ID strategy served by an external plugin. Per prediction it sends only what is visible then — the
// user's index and the visible items (indices and their ID strings) — so a plugin cannot leak the target.
//   user_id       {user_index, visible_items: [Int], visible_item_ids: [String]} → {"user_id": String}
//   added_tokens  {user_count} → {"added_tokens": [String]}   (optional; a plugin without it adds none)
import Foundation

public final class ExternalUserIDStrategy: UserIDStrategy {
    public let component: ExternalComponent
    public init(_ component: ExternalComponent) { self.component = component }

    public func addedTokens(userCount: Int) -> [String] {
        guard let (reply, _) = try? component.call("added_tokens", [("user_count", .int(userCount))]) else { return [] }
        return reply["added_tokens"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    public func userID(_ input: UserIDInput) throws -> String {
        let visibleIDs = input.itemIDs.isEmpty ? [] : input.visibleItems.map { JSONValue.string(input.itemIDs[$0]) }
        let (reply, label) = try component.call("user_id", [
            ("user_index", .int(input.userIndex)), ("visible_items", .array(input.visibleItems.map { .int($0) })),
            ("visible_item_ids", .array(visibleIDs)),
        ])
        guard let id = reply["user_id"]?.stringValue else {
            throw PluginError(plugin: label, .badReply, "user_id: reply has no \"user_id\" string")
        }
        return id
    }
}
