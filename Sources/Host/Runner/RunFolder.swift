// A run's output_dir and the hidden siblings that keep it whole (README, "Run folders"): a run writes into
// `.NAME.staging` beside it and swaps that in only when complete (`RunFolder+Commit.swift`), under the lock
// `.NAME.lock`; `.NAME.replaced` briefly holds the run being replaced. Siblings share the parent folder, so
// every rename stays on one filesystem and is atomic. This type says what is where; the rules of what a
// run may do with it live in `ExperimentRunner+Staging.swift`.
import Foundation

public struct RunFolder {
    public let destination: URL

    public init(_ destination: URL) {
        self.destination = destination.standardizedFileURL
    }

    var parent: URL { destination.deletingLastPathComponent() }
    var name: String { destination.lastPathComponent }
    /// Where a run writes until it is complete.
    public var staging: URL { parent.appendingPathComponent(".\(name).staging") }
    public var lockFile: URL { parent.appendingPathComponent(".\(name).lock") }
    /// The run being replaced, between the renames of a swap (deleted once the new run is in place).
    public var displaced: URL { parent.appendingPathComponent(".\(name).replaced") }
    /// Inside a staging folder while a process works in it: who, for which destination, since when.
    static let stagingMarker = "staging.json"

    /// What a finished run holds, whatever its components (the `json` reporter's summary.json is optional).
    public static let finishedFiles = ["config.json", "run.json", "metrics.json", "per_user.csv"]

    public enum State: Equatable {
        case absent
        case file            // not a folder
        case empty           // a folder with nothing in it (or only hidden files)
        case finished
        case unfinished      // a run's files without metrics: stopped by an older idgenrec, or made by hand
        case foreign         // files that are not a run's: never replaced
    }

    public static func state(of url: URL) -> State {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return .absent }
        guard isDir.boolValue else { return .file }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }
        if names.isEmpty { return .empty }
        if !isStaging(url), holdsFinishedRun(url) { return .finished }
        return looksLikeRun(url, names: names) ? .unfinished : .foreign
    }

    public var state: State { Self.state(of: destination) }

    /// A run's files, not someone else's: run.json, trainer-state/, id_map.tsv, or a config.json that is a run's
    /// resolved experiment (a Hugging Face model folder also has a config.json, and is never replaced).
    static func looksLikeRun(_ url: URL, names: [String]) -> Bool {
        if names.contains(where: { ["run.json", "trainer-state", "id_map.tsv"].contains($0) }) { return true }
        guard names.contains("config.json"), let config = try? JSONValue.parse(contentsOf: url.appendingPathComponent("config.json")) else { return false }
        return config["output_dir"] != nil && config["sources"] != nil
    }

    /// Every file of a finished run is there (whatever the folder's name).
    static func holdsFinishedRun(_ url: URL) -> Bool {
        finishedFiles.allSatisfy { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    /// A staging folder: named `.NAME.staging`, or holding the marker of a process working in it.
    public static func isStaging(_ url: URL) -> Bool {
        let name = url.standardizedFileURL.lastPathComponent
        return (name.hasPrefix(".") && name.hasSuffix(".staging"))
            || FileManager.default.fileExists(atPath: url.appendingPathComponent(stagingMarker).path)
    }

    /// The staging folder of a process that is gone (the caller holds the lock, so nobody works in it).
    public struct Leftover {
        /// The pid its marker names; nil when it has no marker (it was being swapped in or out when stopped).
        public var owner: Int?
        /// It holds a training checkpoint: work that `--resume` can continue.
        public var hasProgress: Bool
        /// Its resolved config, when it got that far.
        public var config: JSONValue?
    }

    public var leftover: Leftover? {
        guard FileManager.default.fileExists(atPath: staging.path) else { return nil }
        let marker = try? JSONValue.parse(contentsOf: staging.appendingPathComponent(Self.stagingMarker))
        let configURL = staging.appendingPathComponent("config.json")
        return Leftover(owner: marker?["pid"]?.intValue, hasProgress: Self.holdsFiles(staging.appendingPathComponent("trainer-state")),
                        config: FileManager.default.fileExists(atPath: configURL.path) ? try? JSONValue.parse(contentsOf: configURL) : nil)
    }

    static func holdsFiles(_ folder: URL) -> Bool {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return false }
        for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            return true
        }
        return false
    }

    /// output_dir can hold a run: it is no file, and its parent exists (created if need be) and is writable.
    public func checkWritable() throws {
        if state == .file {
            throw RunFolderError(destination.path, .notAFolder, "output_dir is a file; expected a run folder (or nothing) at this path")
        }
        var isDir: ObjCBool = false
        var missing: [URL] = []
        var ancestor = parent
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDir), ancestor.path != "/" {
            missing.insert(ancestor, at: 0)
            ancestor = ancestor.deletingLastPathComponent()
        }
        if !isDir.boolValue {
            throw RunFolderError(destination.path, .notAFolder, "\(ancestor.path) is a file, so output_dir cannot be made under it")
        }
        for dir in missing where mkdir(dir.path, 0o755) != 0 && errno != EEXIST {
            throw RunFolderError(destination.path, .notWritable, "cannot create its parent folder \(dir.path) (\(String(cString: strerror(errno)))); choose another output_dir")
        }
        guard access(parent.path, W_OK) == 0 else {
            throw RunFolderError(destination.path, .notWritable, "cannot write in \(parent.path) (\(String(cString: strerror(errno)))); choose another output_dir")
        }
    }

    /// A fresh staging folder with the marker naming this process (any earlier one is removed first).
    func createStaging() throws {
        try removeStaging()
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw RunFolderError(destination.path, .notWritable, "cannot create the staging folder \(staging.path) (\(Self.reason(error)))")
        }
        try markStaging()
    }

    /// Names this process as the one working in the staging folder.
    func markStaging() throws {
        let marker = JSONValue.object([("pid", .int(Int(getpid()))), ("destination", .string(destination.path)),
                                       ("started", .string(ISO8601DateFormatter().string(from: Date())))])
        try AtomicFile.write(marker.serialized(pretty: true) + "\n", to: staging.appendingPathComponent(Self.stagingMarker))
    }

    func removeStaging() throws {
        guard FileManager.default.fileExists(atPath: staging.path) else { return }
        do {
            try FileManager.default.removeItem(at: staging)
        } catch {
            throw RunFolderError(staging.path, .notWritable, "cannot remove this staging folder (\(Self.reason(error))); remove it by hand")
        }
    }

    /// A Foundation error's reason without its domain and code ("Permission denied", "No such file…").
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return ns.localizedFailureReason ?? ns.localizedDescription
    }
}
