// A run folder given to a command (`recommend --checkpoint`, `transfer --from`, `transfer --in-domain`),
// checked before any work: it exists, is a folder, is no staging folder, and holds what the command reads.
// Each problem names the path and what was expected there, instead of a file-system error from deep inside.
import Foundation

extension RunFolder {
    /// What each file of a run folder is, for the messages.
    static let fileRoles: [String: String] = [
        "config.json": "the run's resolved experiment",
        "run.json": "the data and ID-map hashes",
        "metrics.json": "written when the run finished",
        "per_user.csv": "the per-user evaluation",
        "summary.json": "the 'json' reporter's summary",
        "id_map.tsv": "item → ID map",
        "checkpoint/config.json": "the model's shape",
        "checkpoint/model.safetensors": "the trained weights",
        "checkpoint/tokenizer.json": "the tokenizer",
    ]
    static let checkpointFiles = ["checkpoint/config.json", "checkpoint/model.safetensors", "checkpoint/tokenizer.json"]

    /// A finished run to serve: its checkpoint, ID map and resolved config (`recommend`).
    public static func checkServable(_ url: URL, option: String) throws {
        try check(url, option: option, needs: finishedFiles + ["id_map.tsv"] + checkpointFiles)
    }

    /// A run whose trained recommender (checkpoint with tokenizer) another dataset is evaluated with (`transfer --from`).
    public static func checkTrainedRun(_ url: URL, option: String) throws {
        try check(url, option: option, needs: ["config.json"] + checkpointFiles)
    }

    /// A finished run whose results a report reads (`transfer --in-domain`).
    public static func checkFinishedRun(_ url: URL, option: String) throws {
        try check(url, option: option, needs: finishedFiles + ["summary.json"])
    }

    static func check(_ url: URL, option: String, needs: [String]) throws {
        let path = url.standardizedFileURL.path
        switch state(of: url) {
        case .absent:
            throw RunFolderError(path, .notARun, "\(option): no such folder; expected a run folder written by `idgenrec run`")
        case .file:
            throw RunFolderError(path, .notAFolder, "\(option): this is a file; expected a run folder (holding checkpoint/, id_map.tsv, config.json)"
                                 + (enclosingRun(of: url).map { ", e.g. \($0.path)" } ?? ""))
        default:
            break
        }
        if isStaging(url) {
            throw RunFolderError(path, .notARun, "\(option): this is the staging folder of an unfinished run, not a finished run; "
                                 + "`idgenrec run … --resume` finishes it, or `--force` starts it over")
        }
        var isDir: ObjCBool = false
        let checkpoint = url.appendingPathComponent("checkpoint")
        if needs.contains(where: { $0.hasPrefix("checkpoint/") }), FileManager.default.fileExists(atPath: checkpoint.path, isDirectory: &isDir), !isDir.boolValue {
            throw RunFolderError(path, .notARun, "\(option): checkpoint is a file here; expected a folder with config.json, model.safetensors and tokenizer.json")
        }
        let missing = needs.filter { !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            if let run = enclosingRun(of: url) {
                throw RunFolderError(path, .notARun, "\(option): this folder is inside the run folder \(run.path); give that one")
            }
            let finished = state(of: url) == .finished
            throw RunFolderError(path, .notARun, "\(option): not \(finished ? "a complete" : "a finished") run folder: no "
                                 + missing.map { "\($0) (\(fileRoles[$0] ?? "expected"))" }.joined(separator: ", "))
        }
    }

    /// The run folder a file given as a run sits in (e.g. checkpoint/model.safetensors → the run), if any.
    static func enclosingRun(of file: URL) -> URL? {
        var dir = file.standardizedFileURL.deletingLastPathComponent()
        func isFile(_ name: String) -> Bool {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path, isDirectory: &isDir) && !isDir.boolValue
        }
        for _ in 0..<3 {
            if isFile("id_map.tsv") && isFile("config.json") { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
