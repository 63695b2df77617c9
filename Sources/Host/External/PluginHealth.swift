import Foundation

// `idgenrec plugins --check`: opens every external plugin (loads the library / starts the process, checks
// the ABI version and that it offers the component) and reports each one's health, plus built-ins that no
// manifest lists. A broken plugin is a line in the report, never a crash.
public struct PluginHealth: CustomStringConvertible {
    public var entry: String
    public var origin: String
    public var problem: String?
    public var detail: String

    public var isHealthy: Bool { problem == nil }

    public var description: String {
        if let problem { return "FAIL  \(entry) — \(problem)" }
        return "ok    \(entry) (\(origin))\(detail.isEmpty ? "" : ": " + detail)"
    }

    public static func check(_ registry: ComponentRegistry) -> [PluginHealth] {
        var out: [PluginHealth] = []
        for e in registry.entries where e.origin.isExternal {
            do {
                let bridge = try registry.bridges.bridge(for: e)
                var detail = "ABI \(pluginABIVersion)"
                if let methods = bridge.describeReply["components"]?.arrayValue?.first(where: { $0["name"]?.stringValue == e.name })?["methods"]?.arrayValue {
                    detail += ", methods " + methods.compactMap(\.stringValue).joined(separator: ", ")
                }
                if let declared = bridge.declaredConfig(of: e.name), e.schema.isClosed, declared != e.schema.defaults {
                    detail += "; note: the plugin declares config \(declared.serialized()), the manifest \(e.schema.defaults.serialized())"
                }
                out.append(PluginHealth(entry: e.label, origin: e.origin.description, problem: nil, detail: detail))
            } catch {
                out.append(PluginHealth(entry: e.label, origin: e.origin.description, problem: "\(error)", detail: ""))
            }
        }
        registry.bridges.shutdown()
        return out
    }
}
