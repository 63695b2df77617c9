// `idgenrec recommend --checkpoint RUN --history "item item …"`: ranked next items from a finished run.
import ArgumentParser
import Foundation
import IDGenHost

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend the next items for a history, with a finished run's checkpoint, IDs and prompts.")

    @OptionGroup var host: HostOptions

    @Option(help: "A run folder written by `idgenrec run` (holds checkpoint/, id_map.tsv, config.json).")
    var checkpoint: String

    @Option(help: "The history: raw item ids, oldest first, separated by spaces.")
    var history: String

    @Option(help: "How many items to return.")
    var k = 10

    @Option(help: "A user of the run's dataset whose user ID goes in the prompt (runs with textual user IDs).")
    var user: String?

    @Flag(help: "Never recommend an item of the given history.")
    var excludeHistory = false

    func run() throws {
        let registry = try host.registry()
        let recommender = try TrainedRecommender(runFolder: URL(fileURLWithPath: checkpoint), registry: registry, option: "--checkpoint")
        let items = history.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for (rank, r) in try recommender.recommend(history: items, k: k, user: user, excludeHistory: excludeHistory).enumerated() {
            print(String(format: "%2d  %@  %8.3f  %@", rank + 1, r.item, r.score, r.id))
        }
    }
}
