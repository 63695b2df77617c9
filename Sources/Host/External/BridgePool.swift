import Foundation

// The external plugins opened during one run: each library or process once, reused by every component it
// serves, and stopped together at the end (`shutdown`, or when the registry goes away).
public final class BridgePool {
    var open: [String: PluginBridge] = [:]
    let lock = NSLock()

    public init() {}
    deinit { shutdown() }

    /// The bridge for an external entry, opened on first use; checks the plugin offers the component.
    public func bridge(for entry: ComponentEntry) throws -> PluginBridge {
        lock.lock()
        defer { lock.unlock() }
        let key = entry.origin.description
        let bridge: PluginBridge
        if let b = open[key] { bridge = b } else {
            switch entry.origin {
            case .builtin: preconditionFailure("built-ins have no bridge")
            case let .library(url): bridge = try SharedLibraryPlugin.open(url, name: entry.name)
            case let .command(argv, dir): bridge = try SubprocessPlugin(argv: argv, directory: dir, name: entry.name, timeout: entry.timeoutSeconds)
            }
            open[key] = bridge
        }
        guard let offer = bridge.offered.first(where: { $0.name == entry.name }) else {
            let names = bridge.offered.map(\.name)
            throw PluginError(plugin: bridge.label, .notOffered, "does not offer a component named '\(entry.name)'; "
                + ClosestName.advice(for: entry.name, among: names, noun: "it offers"))
        }
        guard offer.kind == entry.kind.rawValue else {
            throw PluginError(plugin: bridge.label, .notOffered, "offers '\(entry.name)' as kind '\(offer.kind)', but the manifest says '\(entry.kind.rawValue)'")
        }
        return bridge
    }

    /// Stops every subprocess plugin (libraries stay loaded: they are never unloaded).
    public func shutdown() {
        lock.lock()
        defer { lock.unlock() }
        for b in open.values { (b as? SubprocessPlugin)?.stop() }
        open.removeAll()
    }
}
