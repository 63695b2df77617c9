// `idgenrec validate EXPERIMENT`: the whole graph checked before any work — every problem in one report
// (exit 2), or the resolved pipeline with every parameter at its final value (exit 0).
import ArgumentParser
import Foundation
import IDGenHost

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check an experiment file (names, parameters, requirements between stages, files) without running it.")

    @OptionGroup var host: HostOptions

    @Argument(help: "The experiment JSON file.")
    var experiment: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    func run() throws {
        let registry = try host.registry()
        let e = try ExperimentValidator(registry: registry).load(URL(fileURLWithPath: experiment), overrides: overrides)
        print("\(experiment): valid (seed \(e.seed), output \(e.outputDir))")
        for stage in e.pipeline.stages {
            for c in stage.choices {
                let params = e.resolvedParams(c, kind: stage.key.kind, registry: registry).objectValue ?? []
                let shown = params.map { "\($0.0)=\($0.1.serialized())" }.joined(separator: " ")
                print("  \(stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(c.name)\(shown.isEmpty ? "" : "  " + shown)"
                      + (stage.origin == .defaulted ? "  (default)" : ""))
            }
        }
    }
}
