import Foundation

// Where the host finds its manifests: the repository's plugins.json (found next to Package.swift above the
// executable, else above the working directory, or named by IDGENREC_MANIFEST), then each `--plugins FILE`
// in order. The same file named twice is read once.
extension ComponentRegistry {
    /// Built-ins plus the root manifest (if found) plus `extra` manifests, in that order.
    public static func load(extra: [URL], root: URL? = discoverRootManifest()) throws -> ComponentRegistry {
        let registry = try builtins()
        var seen: Set<String> = []
        for url in (root.map { [$0] } ?? []) + extra {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard seen.insert(path).inserted else { continue }
            try registry.install(try PluginManifest.load(url))
            registry.manifests.append(url)
        }
        return registry
    }

    public static func discoverRootManifest(environment: [String: String] = ProcessInfo.processInfo.environment,
                                            executable: URL = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath(),
                                            workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        if let named = environment["IDGENREC_MANIFEST"], !named.isEmpty { return URL(fileURLWithPath: named) }
        for start in [executable.deletingLastPathComponent(), workingDirectory] {
            var dir = start.standardizedFileURL
            while true {
                let manifest = dir.appendingPathComponent("plugins.json")
                if FileManager.default.fileExists(atPath: manifest.path),
                   FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return manifest }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }
}
