// `idgenrec run EXPERIMENT`: validate the whole graph (exit 2 on any problem, before any work), then run it
// end to end and write the run folder (exit 1 if the run fails).
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

    @Flag(help: "Continue an interrupted run from its output folder's trainer-state/ (same experiment and --set values).")
    var resume = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    func run() throws {
        let registry = try host.registry()
        let e = try ExperimentValidator(registry: registry).load(URL(fileURLWithPath: experiment), overrides: overrides)
        let renderer = ProgressRenderer()
        let runner = ExperimentRunner(experiment: e, registry: registry, progress: renderer.handle, log: { print($0) })
        runner.resume = resume
        let started = Date()
        try runner.run()
        print("run folder: \(runner.outputFolder.path)  (\(ProgressRenderer.clock(Date().timeIntervalSince(started))))")
    }
}
