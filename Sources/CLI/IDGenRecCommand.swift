// The `idgenrec` executable: argument parsing, progress and exit codes only; the work lives in Host.
import ArgumentParser

@main
struct IDGenRecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idgenrec",
        abstract: "Generative recommendation with swappable item-ID strategies (IDGenRec and alternatives).",
        subcommands: [RunCommand.self, CompareCommand.self, IDsCommand.self, RecommendCommand.self, TransferCommand.self, ValidateCommand.self, DataCommand.self, PluginsCommand.self])
}
