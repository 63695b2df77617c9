// How the host talks to an external plugin, whatever it is (shared library or subprocess): the same JSON
// messages (include/idgenrec_plugin.h). Implementations turn every failure into a `PluginError`.
public protocol PluginBridge: AnyObject {
    /// "'hashed-ngrams' (library /…/libhashed_ngrams.so)" — how errors name the plugin.
    var label: String { get }
    /// The describe message, fetched once when the plugin was opened and its ABI version checked.
    var describeReply: JSONValue { get }
    /// One call; returns the reply object (an `{"error": …}` reply is thrown as `.errorReply`).
    func call(component: String, method: String, request: JSONValue) throws -> JSONValue
}

/// The ABI version this host speaks (IDGENREC_PLUGIN_ABI_VERSION in include/idgenrec_plugin.h).
public let pluginABIVersion = 1

extension PluginBridge {
    /// The components the plugin offers: (name, kind) from its describe message.
    public var offered: [(name: String, kind: String)] {
        (describeReply["components"]?.arrayValue ?? []).compactMap { c in
            guard let n = c["name"]?.stringValue else { return nil }
            return (n, c["kind"]?.stringValue ?? "")
        }
    }

    /// The config defaults a component declared in describe, if any.
    public func declaredConfig(of component: String) -> JSONValue? {
        describeReply["components"]?.arrayValue?.first { $0["name"]?.stringValue == component }?["config"]
    }
}

/// Checks the parts of a describe message every bridge shares; returns it.
func checkDescribe(_ d: JSONValue, label: String) throws -> JSONValue {
    guard case .object = d else {
        throw PluginError(plugin: label, .badReply, "describe returned \(d.typeName), expected an object with abi_version and components")
    }
    guard let v = d["abi_version"]?.intValue else {
        throw PluginError(plugin: label, .badReply, "describe has no integer \"abi_version\"; this idgenrec speaks ABI version \(pluginABIVersion)")
    }
    guard v == pluginABIVersion else {
        throw PluginError(plugin: label, .abiVersion, "speaks ABI version \(v), this idgenrec speaks \(pluginABIVersion); rebuild it against include/idgenrec_plugin.h")
    }
    guard d["components"]?.arrayValue != nil else {
        throw PluginError(plugin: label, .badReply, "describe has no \"components\" array")
    }
    return d
}

/// Parses a reply text and turns `{"error": …}` into a thrown error.
func interpretReply(_ text: String, label: String, component: String, method: String) throws -> JSONValue {
    let reply: JSONValue
    do { reply = try JSONValue.parse(text, source: "reply of \(component).\(method)") } catch {
        let excerpt = text.count > 200 ? String(text.prefix(200)) + "…" : text
        throw PluginError(plugin: label, .invalidJSON, "answered \(component).\(method) with invalid JSON (\(error)): \(excerpt)")
    }
    guard case .object = reply else {
        throw PluginError(plugin: label, .badReply, "answered \(component).\(method) with \(reply.typeName), expected an object")
    }
    if let e = reply["error"] {
        throw PluginError(plugin: label, .errorReply, "\(component).\(method) failed: \(e.stringValue ?? e.serialized())")
    }
    return reply
}
