import Foundation

// Everything that can go wrong with an external plugin, always naming the plugin and, for subprocesses,
// ending with the tail of its stderr — the host reports and carries on, it never crashes with a plugin.
public struct PluginError: Error, CustomStringConvertible {
    public enum Reason: String, Equatable {
        case load, missingSymbol, abiVersion, invalidJSON, errorReply, badReply, crashed, timeout, notOffered, stopped
    }

    public var plugin: String
    public var reason: Reason
    public var message: String
    public var stderrTail: String

    public init(plugin: String, _ reason: Reason, _ message: String, stderrTail: String = "") {
        self.plugin = plugin
        self.reason = reason
        self.message = message
        self.stderrTail = stderrTail
    }

    public var description: String {
        var s = "plugin \(plugin): \(message)"
        let tail = stderrTail.trimmingCharacters(in: .whitespacesAndNewlines)
        if !tail.isEmpty { s += "\n  its stderr ended with:\n" + tail.split(separator: "\n").map { "    | " + $0 }.joined(separator: "\n") }
        return s
    }
}
