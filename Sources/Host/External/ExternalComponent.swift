import Foundation

// One component served by an external plugin, with its parameters: what the kind-specific adapters
// (`ExternalItemIDStrategy`, and the user-ids/metric/prompt/reporter adapters as those kinds land) call.
public final class ExternalComponent {
    public let kind: ComponentKind
    public let name: String
    public let params: JSONValue
    let open: () throws -> PluginBridge

    public init(kind: ComponentKind, name: String, params: JSONValue, open: @escaping () throws -> PluginBridge) {
        self.kind = kind
        self.name = name
        self.params = params
        self.open = open
    }

    /// Calls `method` with `request` plus `"params"`; the plugin is opened (started) on first use.
    public func call(_ method: String, _ request: [(String, JSONValue)]) throws -> (reply: JSONValue, label: String) {
        let bridge = try open()
        let reply = try bridge.call(component: name, method: method, request: .object(request + [("params", params)]))
        return (reply, bridge.label)
    }
}
