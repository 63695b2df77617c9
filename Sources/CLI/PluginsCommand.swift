// `idgenrec plugins`: every component the host knows, grouped by kind, with config keys and defaults;
// `--check` opens every external plugin and reports its health (exit 1 if any is broken).
import ArgumentParser
import IDGenHost

struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the components by kind, with their config keys and defaults; --check loads every external plugin.")

    @OptionGroup var host: HostOptions

    @Flag(help: "Load every external plugin (dlopen / start the process), check its ABI version, report its health.")
    var check = false

    @Flag(help: "Print plugins.json with every compiled-in built-in listed (external entries kept), to keep the manifest in step.")
    var manifest = false

    func run() throws {
        if manifest { return try printManifest() }
        let registry = try host.registry()
        for kind in ComponentKind.allCases {
            let entries = registry.entries.filter { $0.kind == kind }
            print(kind.rawValue)
            if entries.isEmpty { print("  (none in this build)") }
            for e in entries { print(PluginsCommand.describe(e, listed: registry.isListed(e))) }
        }
        guard check else { return }
        print("\nhealth:")
        let health = PluginHealth.check(registry)
        if health.isEmpty { print("  no external plugins in the manifests") }
        for h in health { print("  " + h.description.replacingOccurrences(of: "\n", with: "\n  ")) }
        for e in registry.entries where !registry.isListed(e) {
            print("  note  \(e.label) is compiled in but not listed in plugins.json; add {\"name\": \"\(e.name)\", \"kind\": \"\(e.kind.rawValue)\", \"summary\": …, \"builtin\": true}")
        }
        if health.contains(where: { !$0.isHealthy }) { throw ExitCode(1) }
    }

    /// Built-ins only (no user manifests): the root manifest as it should read for this build.
    func printManifest() throws {
        let root = ComponentRegistry.discoverRootManifest()
        let existing = try root.map { try PluginManifest.load($0) }
        let registry = try ComponentRegistry.builtins()
        print(PluginManifest.text(PluginManifest.withBuiltins(of: registry, keeping: existing)))
    }

    static func describe(_ e: ComponentEntry, listed: Bool) -> String {
        let origin: String
        switch e.origin {
        case .builtin: origin = "builtin"
        case .library: origin = "library"
        case .command: origin = "command"
        }
        var lines = ["  \(e.name.padding(toLength: max(16, e.name.count), withPad: " ", startingAt: 0))  \(origin.padding(toLength: 8, withPad: " ", startingAt: 0))  \(e.summary)"]
        if !e.schema.isClosed { lines.append("      config: any keys (passed to the plugin as given)") }
        else if e.schema.keys.isEmpty { lines.append("      config: none") }
        else { lines.append("      config: " + e.schema.keys.map { "\($0.name) = \($0.defaultValue.serialized())" }.joined(separator: ", ")) }
        if !e.provides.isEmpty { lines.append("      provides: " + e.provides.map(\.rawValue).sorted().joined(separator: ", ")) }
        for r in e.requires { lines.append("      requires: \(r)") }
        if e.origin != .builtin { lines.append("      at: \(e.origin)") }
        if !listed { lines.append("      (not listed in any plugins.json)") }
        return lines.joined(separator: "\n")
    }
}
