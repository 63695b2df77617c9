// Textual item IDs benchmark: the `textual` strategy with its defaults on the synthetic dataset —
// a Unigram tokenizer trained on the catalog (vocabulary of the preset's size), a fresh T5 pretrained on
// keyword IDs by the `id-generator` trainer, then diverse ID generation in batches — timed by phase, with the
// ID report card. No reference is run: the released IDGenRec code generates one item at a time with HF on
// CPU/GPU and has no pretraining step to compare against.
//
// Then the same generation one item per decoder call, as the reference runs it, for the batching speed-up
// (and a check that batching leaves the IDs unchanged). Skip it with --no-single.
//
// Usage: idgenrec-bench textual-ids [--items 2000] [--epochs E (default: pretrain to convergence)] [--batch 64] [--no-single]
import Foundation
import IDGenKernel
import IDGenPlugins

func runTextualIDsBench(args: [String]) throws {
    func option(_ name: String, _ fallback: Double) -> Double { value(of: name, in: args).flatMap { Double($0) } ?? fallback }
    var dataConfig = SyntheticDataset.Config()
    dataConfig.items = Int(option("--items", Double(dataConfig.items)))
    let data = try SyntheticDataset(config: dataConfig).load()
    var start = Date()
    // Texts and their word forms: IDs are bare words, which the raw text glues to punctuation ("orrin;").
    let tokenizer = try UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: try T5Config.preset("cpu-tiny").vocabSize))
        .train(texts: data.items.map(\.text) + data.items.map { ItemText.words($0.text).joined(separator: " ") })
    print(String(format: "tokenizer: %d pieces trained on %d item texts in %.1f s", tokenizer.vocabularySize,
                 data.items.count, Date().timeIntervalSince(start)))
    var config = TextualIDs.Config()
    config.pretrainEpochs = value(of: "--epochs", in: args).flatMap { Double($0) }   // default: until it reproduces its targets
    config.batchSize = Int(option("--batch", Double(config.batchSize)))
    let strategy = try TextualIDs(config: config)
    start = Date()
    let assignment = try strategy.assign(ItemIDInput(catalog: data.items, trainingSequences: data.sequences, seed: 1,
                                                     tokenizer: tokenizer))
    let seconds = Date().timeIntervalSince(start)
    for line in IDReportCard(strategy: "textual", assignment: assignment, tokenizer: tokenizer, buildSeconds: seconds).lines {
        print("  " + line)
    }
    let fromText = zip(data.items, assignment.ids).filter { item, id in
        let words = Set(ItemText.words(item.text))
        return ItemText.words(id).allSatisfy(words.contains)
    }.count
    print("  IDs made only of the item's own words: \(fromText)/\(data.items.count)")
    for i in stride(from: 0, to: min(data.items.count, 2000), by: 400) {
        print("  e.g. \"\(assignment.ids[i])\" ← \(data.items[i].text.prefix(90))")
    }
    guard !args.contains("--no-single"), let generator = strategy.generator else { return }
    let batched = Double(assignment.report["generation_seconds"] ?? "") ?? 0
    var single = config
    single.batchSize = 1
    start = Date()
    let one = try TextualIDs(config: single).regenerate(with: generator, input: ItemIDInput(
        catalog: data.items, trainingSequences: data.sequences, seed: 1, tokenizer: tokenizer))
    let oneSeconds = Date().timeIntervalSince(start)
    let same = zip(one.ids, assignment.ids).filter { $0 == $1 }.count
    print(String(format: "  generation one item per call: %.1f s vs %.1f s batched by %d (×%.1f); identical IDs: %d/%d",
                 oneSeconds, batched, config.batchSize, oneSeconds / max(batched, 1e-9), same, data.items.count))
}
