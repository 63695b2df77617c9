// What a run may do with the work already under its output_dir (README, "Run folders"). Under the folder's
// lock: a swap a kill interrupted is finished or undone; then by mode —
//   fresh   a finished or unfinished run at output_dir, or a stopped run's staging folder holding a training
//           checkpoint, is refused (exit 2) and left as it is; a staging folder without one is removed;
//   force   any staging folder is discarded; output_dir is replaced once the new run is complete;
//   resume  the stopped run's staging folder is continued, else an unfinished output_dir (copied into staging),
//           in both cases only with the same resolved config; a finished run with the same settings has
//           nothing left to do.
// The run writes into the staging folder; when complete it is swapped in. A run that fails keeps its staging
// folder when it holds a training checkpoint (so --resume can continue) and removes it otherwise.
import Foundation

extension ExperimentRunner {
    /// Runs `body` in this run's staging folder and swaps the result into output_dir when it returns.
    func withStaging<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = RunFolder(outputFolder)
        try folder.checkWritable()
        let lock = try RunFolderLock.acquire(for: folder)
        defer { withExtendedLifetime(lock) {} }
        let staging = try beginRunFolder(folder)
        do {
            let result = try body(staging)
            try folder.commit()
            return result
        } catch {
            if folder.leftover?.hasProgress == true {
                log("the unfinished run is kept in \(staging.path): run again with --resume to continue it, or --force to start over")
            } else {
                try? folder.removeStaging()
            }
            throw error
        }
    }

    /// Applies the mode's rule (see the top of this file) and returns the folder to write into.
    func beginRunFolder(_ folder: RunFolder) throws -> URL {
        if let note = try folder.recoverInterruptedSwap() { log("note: \(note)") }
        let path = folder.destination.path, state = folder.state
        if state == .foreign {
            throw RunFolderError(path, .foreign, "holds files that are not an idgenrec run's (no run.json, trainer-state/, id_map.tsv or run config.json); "
                                 + "it is never replaced: choose another output_dir")
        }
        var leftover = folder.leftover
        if leftover != nil, leftover?.owner == nil {
            // No marker: a complete run a kill caught in the middle of a swap (the other one is at output_dir).
            try folder.removeStaging()
            log("note: removed \(folder.staging.path), left behind by an interrupted swap")
            leftover = nil
        }
        let by = leftover?.owner.map { " (left by process \($0))" } ?? ""
        switch mode {
        case .force:
            if leftover != nil { log("discarding the unfinished run in \(folder.staging.path)\(by) (--force)") }
            try folder.createStaging()
        case .fresh:
            try refuseExistingWork(folder, state: state, leftover: leftover)
            if leftover != nil { log("note: removed \(folder.staging.path)\(by): it stopped before its first training checkpoint") }
            try folder.createStaging()
        case .resume:
            return try beginResume(folder, leftover: leftover)
        }
        return folder.staging
    }

    /// A fresh run touches no work: a finished or unfinished run at output_dir, or a stopped run's checkpoint.
    private func refuseExistingWork(_ folder: RunFolder, state: RunFolder.State, leftover: RunFolder.Leftover?) throws {
        let stopped = leftover?.hasProgress == true
        guard state == .finished || state == .unfinished || stopped else { return }
        var found: [String] = []
        if state == .finished { found.append("a finished run is already here") }
        if state == .unfinished { found.append("an unfinished run is here (no metrics.json)") }
        if stopped {
            found.append("the stopped run of this output_dir in \(folder.staging.path)\(leftover?.owner.map { " (process \($0))" } ?? "") "
                         + "holds a training checkpoint")
        }
        let advice: String
        if stopped {
            advice = "pass --resume to continue the stopped run with its settings, or --force to discard it and start over"
                + (state == .finished ? " (the finished run stays until the new one is complete)" : "")
        } else if state == .finished {
            advice = "pass --force to replace it (it stays until the new run is complete) or --resume to continue it with the same settings"
        } else {
            advice = "pass --resume to continue it with the same settings or --force to replace it"
        }
        throw RunFolderError(folder.destination.path, state == .finished && !stopped ? .finished : .unfinished,
                             found.joined(separator: ", and ") + "; " + advice)
    }

    private func beginResume(_ folder: RunFolder, leftover: RunFolder.Leftover?) throws -> URL {
        let path = folder.destination.path
        if let l = leftover, let config = l.config {
            try refuseChangedSettings(from: config, of: folder.staging, destination: path)
            try folder.markStaging()
            log("resuming the unfinished run in \(folder.staging.path)\(l.owner.map { " (left by process \($0))" } ?? "")")
            return folder.staging
        }
        if leftover != nil {
            try folder.removeStaging()
            log("note: removed \(folder.staging.path): it stopped before writing its config, there is nothing in it to resume")
        }
        let config = folder.destination.appendingPathComponent("config.json")
        switch folder.state {
        case .finished:
            try refuseChangedSettings(from: try JSONValue.parse(contentsOf: config), of: folder.destination, destination: path)
            throw RunFolderError(path, .nothingToResume, "nothing to resume: this finished run has the same settings (--force runs it again)")
        case .unfinished:
            if FileManager.default.fileExists(atPath: config.path) {
                try refuseChangedSettings(from: try JSONValue.parse(contentsOf: config), of: folder.destination, destination: path)
            }
            try folder.removeStaging()
            do {
                try FileManager.default.copyItem(at: folder.destination, to: folder.staging)
            } catch {
                throw RunFolderError(path, .notWritable, "cannot copy this unfinished run into \(folder.staging.path) to resume it (\(RunFolder.reason(error)))")
            }
            try folder.markStaging()
            log("resuming the unfinished run in \(path) (in \(folder.staging.path); it replaces the folder when complete)")
        default:
            log("nothing to resume in \(path): starting afresh")
            try folder.createStaging()
        }
        return folder.staging
    }

    /// --resume continues a run only with the settings it was started with: every key that differs is named.
    func refuseChangedSettings(from saved: JSONValue, of folder: URL, destination: String) throws {
        let differences = ConfigDifference.between(saved, experiment.resolvedJSON(registry: registry))
        guard !differences.isEmpty else { return }
        throw RunFolderError(destination, .changedSettings,
                             "--resume refused: \(experiment.file.lastPathComponent) now differs from the run in \(folder.path) "
                             + "(no setting may change on resume): " + differences.map(\.description).joined(separator: "; ")
                             + ". Resume with the run's settings, or pass --force to start over with the new ones")
    }

    /// --resume continues a run only on the data it was started on (a dataset file may change under the same config).
    func refuseChangedData(_ data: Interactions, in folder: URL) throws {
        guard let saved = try? JSONValue.parse(contentsOf: folder.appendingPathComponent("run.json")),
              let hash = saved["dataset_hash"]?.stringValue, hash != Self.datasetHash(data) else { return }
        throw RunFolderError(outputFolder.path, .changedSettings,
                             "--resume refused: the data changed since the run was started (\(Self.dataChange(saved, data))); pass --force to start over")
    }
}
