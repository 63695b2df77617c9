// `idgenrec transfer --from RUN EXPERIMENT`: zero-shot evaluation of a trained run on another dataset; the
// other dataset's items get IDs from the experiment's strategy on their own text (textual: the run's trained
// generator), with the run's tokenizer. Compare with the target dataset's in-domain run.
import ArgumentParser
import Foundation
import IDGenHost

struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Evaluate a finished run zero-shot on another dataset (the experiment names that dataset and the ID strategy).")

    @OptionGroup var host: HostOptions

    @Option(help: "The run folder of the trained recommender (dataset A).")
    var from: String

    @Option(name: .customLong("in-domain"), help: "A finished run trained on dataset B: the report puts the zero-shot results next to it (vs-in-domain/).")
    var inDomain: String?

    @Argument(help: "The experiment naming dataset B, its split, item_ids and decoder.")
    var experiment: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    @Flag(help: "Replace the finished transfer already in output_dir (it stays until the new one is complete).")
    var force = false

    func run() throws {
        let registry = try host.registry()
        let source = URL(fileURLWithPath: from)
        let validator = ExperimentValidator(registry: registry)
        var e = try validator.load(URL(fileURLWithPath: experiment), overrides: overrides)
        // Textual IDs on B come from A's trained generator unless the user names another one.
        let generator = source.appendingPathComponent("generator")
        if e.pipeline[.itemIDs]?.choice?.name == "textual",
           FileManager.default.fileExists(atPath: generator.appendingPathComponent("config.json").path),
           !overrides.contains(where: { $0.hasPrefix("item_ids.generator_checkpoint=") }) {
            e = try validator.load(URL(fileURLWithPath: experiment), overrides: overrides + ["item_ids.generator_checkpoint=\(generator.path)"])
        }
        let runner = ExperimentRunner(experiment: e, registry: registry, progress: ProgressRenderer().handle, log: { print($0) })
        runner.mode = force ? .force : .fresh
        try runner.transfer(from: source, inDomain: inDomain.map { URL(fileURLWithPath: $0) })
        print("transfer results: \(runner.outputFolder.path)")
    }
}
