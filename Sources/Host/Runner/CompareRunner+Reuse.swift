// Which variants of a comparison run again (README, "Run folders"). A variant's finished folder is reused only
// when its resolved config, data, input files and ID map match what the variant would use now
// (`ExperimentRunner+Fingerprint.swift`); otherwise it is rerun — replaced once complete — and the log says
// why. A variant a kill stopped is continued from its staging folder when its settings match, else discarded
// and started over. `--force` reruns every variant.
import Foundation

extension CompareRunner {
    /// Runs the variant `e` unless its folder already holds its run; returns the folder either way.
    func runOrReuse(_ e: Experiment, label: String, staleNotes: inout [String]) throws -> URL {
        let runner = ExperimentRunner(experiment: e, registry: registry, progress: progress, log: log)
        let folder = RunFolder(runner.outputFolder)
        if FileManager.default.fileExists(atPath: folder.displaced.path) {
            // A kill in the middle of a swap: put the finished run back (or the new one in) before judging it.
            let lock = try RunFolderLock.acquire(for: folder)
            if let note = try folder.recoverInterruptedSwap() { log("note: \(note)") }
            withExtendedLifetime(lock) {}
        }
        if force {
            log("== \(label) (--force: run again)")
            runner.mode = .force
            try runner.run()
            return folder.destination
        }
        if folder.state == .finished {
            let quiet = ExperimentRunner(experiment: e, registry: registry)
            let reasons = try quiet.differences(fromFinishedRun: folder.destination)
            if reasons.isEmpty {
                log("== \(label): finished earlier in \(folder.destination.path), not rerun (same config, data and ID map)")
                if let note = BuildFingerprint.staleNote(label: label, folder: folder.destination) {
                    log("warning: \(note)")
                    staleNotes.append(note)
                }
                return folder.destination
            }
            log("== \(label): rerunning, the finished run in \(folder.destination.path) differs: \(reasons.joined(separator: "; "))")
            runner.mode = .force
        } else if let config = folder.leftover?.config, folder.leftover?.owner != nil {
            let differences = ConfigDifference.between(config, e.resolvedJSON(registry: registry))
            if differences.isEmpty {
                log("== \(label): continuing the unfinished run in \(folder.staging.path)")
                runner.mode = .resume
            } else {
                log("== \(label): the unfinished run in \(folder.staging.path) has other settings (\(differences.map(\.description).joined(separator: "; "))), starting over")
                runner.mode = .force
            }
        } else {
            log("== \(label)")
            runner.mode = .force        // an unfinished folder of an older idgenrec, or a staging folder with nothing to continue
        }
        try runner.run()
        return folder.destination
    }

    /// `reference` names a variant or a baseline of this comparison (checked before any work).
    public func checkReference() throws {
        guard let reference else { return }
        let names = variants.map { $0.pipeline[stage]?.choice?.name ?? "?" } + baselines
        guard !names.contains(reference) else { return }
        throw ValidationReport(file: variants.first?.file.path ?? "compare", problems: [
            ValidationProblem("--reference", "'\(reference)' is not one of the compared variants; " + ClosestName.advice(for: reference, among: names)),
        ])
    }
}
