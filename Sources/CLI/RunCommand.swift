// `idgenrec run EXPERIMENT`: validate the whole graph (exit 2 on any problem, before any work), then run it
// end to end in a staging folder that replaces output_dir once complete (exit 1 if the run fails). Existing
// work at output_dir is refused (exit 2) unless --force (replace) or --resume (continue): README, "Run folders".
import ArgumentParser
import Foundation
import IDGenHost

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train and evaluate one experiment; results go to its output_dir.")

    @OptionGroup var host: HostOptions

    @Argument(help: "The experiment JSON file.")
    var experiment: String

    @Flag(help: "Continue the unfinished run of this output_dir (after a kill or a failure) from its trainer-state/; refused if any setting differs.")
    var resume = false

    @Flag(help: "Replace the run already in output_dir (it stays until the new run is complete) or discard an unfinished one.")
    var force = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    func run() throws {
        let registry = try host.registry()
        let e = try ExperimentValidator(registry: registry).load(URL(fileURLWithPath: experiment), overrides: overrides)
        let renderer = ProgressRenderer()
        let runner = ExperimentRunner(experiment: e, registry: registry, progress: renderer.handle, log: { print($0) })
        guard !(resume && force) else {
            throw RunFolderError(runner.outputFolder.path, .conflictingFlags, "--resume and --force exclude each other: continue the run, or replace it")
        }
        runner.mode = resume ? .resume : force ? .force : .fresh
        let started = Date()
        do {
            try runner.run()
        } catch let done as RunFolderError where done.reason == .nothingToResume {
            print("\(done)")
            return
        }
        print("run folder: \(runner.outputFolder.path)  (\(ProgressRenderer.clock(Date().timeIntervalSince(started))))")
    }
}
