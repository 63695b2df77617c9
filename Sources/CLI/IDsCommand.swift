// `idgenrec ids EXPERIMENT`: build the experiment's item IDs (data, split, tokenizer, strategy, trie) and
// print the ID report card — no training. Use --set item_ids=NAME to inspect another strategy.
import ArgumentParser
import Foundation
import IDGenHost

struct IDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ids",
        abstract: "Build and inspect an experiment's item IDs (report card and examples) without training.")

    @OptionGroup var host: HostOptions

    @Argument(help: "The experiment JSON file.")
    var experiment: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a value: stage.key=value (repeatable; beats the file).", valueName: "stage.key=value"))
    var overrides: [String] = []

    @Option(help: "How many example IDs to print.")
    var examples = 5

    func run() throws {
        let registry = try host.registry()
        let e = try ExperimentValidator(registry: registry).load(URL(fileURLWithPath: experiment), overrides: overrides)
        let renderer = ProgressRenderer()
        let prepared = try ExperimentRunner(experiment: e, registry: registry, progress: renderer.handle, log: { print($0) }).prepare()
        print("\nID report card")
        for line in prepared.idReport { print("  \(line)") }
        print("\nexamples")
        for i in prepared.data.items.indices.prefix(examples) {
            print("  \(prepared.data.items[i].rawID)  →  \(prepared.itemIDs[i])   [\(prepared.itemTokens[i].count) tokens]")
        }
    }
}
