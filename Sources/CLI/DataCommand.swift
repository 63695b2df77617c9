// `idgenrec data PATH`: load a dataset and print its size, sequence lengths, text coverage, loader notes and
// data-lint findings — the one-second look before an hour of training.
import ArgumentParser
import Foundation
import IDGenHost

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Print a dataset's users, items, interactions, sequence lengths, text coverage and lint findings.",
        discussion: """
        PATH is an IDGenRec/OpenP5 dataset folder (user_sequence.txt + item_plain_text.txt), `synthetic` for \
        the built-in seeded dataset, or an experiment JSON file (its dataset stage, with its parameters, is loaded).
        """)

    @OptionGroup var host: HostOptions

    @Argument(help: "A dataset folder, `synthetic`, or an experiment file.")
    var path: String

    @Option(name: .customLong("set"), help: ArgumentHelp("With an experiment: override a value, stage.key=value.", valueName: "stage.key=value"))
    var overrides: [String] = []

    @Flag(name: .customLong("skip-bad-lines"), help: "Skip malformed lines (counted in the notes) instead of stopping.")
    var skipBadLines = false

    @Flag(help: "Exit with status 1 when the lint reports an error.")
    var strict = false

    @Option(help: "Seed of the synthetic dataset.")
    var seed: UInt64 = 42

    func run() throws {
        let data = try load()
        for line in DatasetSummary(data).lines() { print(line) }
        for note in data.notes { print("note: \(note)") }
        let findings = DataLint().lint(data)
        if findings.isEmpty {
            print("lint: no findings")
        } else {
            print("lint: \(findings.count) finding(s)")
            for f in findings { print("  \(f)") }
        }
        if strict && findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    func load() throws -> Interactions {
        if path == "synthetic" { return try SyntheticDataset(config: .init(seed: seed)).load() }
        if path.hasSuffix(".json") {
            let registry = try host.registry()
            let e = try ExperimentValidator(registry: registry).load(URL(fileURLWithPath: path), overrides: overrides)
            return try ExperimentRunner(experiment: e, registry: registry).prepareData().data
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("\(path): not a dataset folder (expected a folder with user_sequence.txt and item_plain_text.txt, or `synthetic`)")
        }
        return try IDGenRecFolderDataset(config: .init(path: path, onBadLine: skipBadLines ? .skip : .error)).load()
    }
}
