// Options every subcommand that needs the component registry shares: extra manifests and the log level.
import ArgumentParser
import Foundation
import IDGenHost
import Logging

struct HostOptions: ParsableArguments {
    @Option(name: .customLong("plugins"), help: ArgumentHelp("A plugins.json to add on top of the repository's (repeatable).", valueName: "FILE"))
    var manifests: [String] = []

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .notice

    /// Starts logging (once per process) and returns the registry: built-ins + root manifest + --plugins.
    func registry() throws -> ComponentRegistry {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = logLevel
            return handler
        }
        let log = Logger(label: "idgenrec")
        let root = ComponentRegistry.discoverRootManifest()
        log.debug("root manifest: \(root?.path ?? "none found (built-ins only)")")
        let registry = try ComponentRegistry.load(extra: manifests.map { URL(fileURLWithPath: $0) }, root: root)
        log.info("\(registry.entries.count) components from \(registry.manifests.count) manifest(s): \(registry.manifests.map(\.path).joined(separator: ", "))")
        return registry
    }
}

extension Logger.Level: ExpressibleByArgument {}
