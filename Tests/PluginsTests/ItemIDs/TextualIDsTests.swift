import Foundation
import XCTest
import IDGenPlugins

/// The `textual` strategy end to end on a tiny catalog: a Unigram tokenizer trained on the texts, a fresh tiny
/// T5 pretrained on keyword IDs by the `id-generator` trainer, then diverse ID generation with the real
/// group beam search.
final class TextualIDsTests: XCTestCase {
    static let colors = ["red", "blue", "green", "black", "white", "pink"]
    static let kinds = ["boots", "scarf", "lamp", "mug", "jacket", "candle", "wallet", "teapot"]
    static let brands = ["acme", "zenith", "orbit", "nimbus", "tundra", "quartz", "harbor", "meadow"]

    /// 48 items: color × kind, each with a brand; plus two identical texts and two empty ones.
    static let catalog: [CatalogItem] = {
        var texts: [String] = []
        for (i, kind) in kinds.enumerated() {
            for (j, color) in colors.enumerated() {
                texts.append("title: \(color) \(kind); brand: \(brands[(i + j) % brands.count]); categories: home")
            }
        }
        texts += [texts[0], "", ""]
        return Catalogs.items(texts)
    }()

    /// Trained on the texts and their word forms: in the raw text a word is glued to its punctuation
    /// ("▁zenith;"), while IDs are bare words ("zenith") — without the word forms every ID is spelled letter by
    /// letter and hits the [L, L+10] length bound. Digits so numeric disambiguators are distinct sequences.
    static let tokenizer: UnigramTokenizer = {
        let texts = catalog.map(\.text)
        return try! UnigramTrainer(options: UnigramTrainerOptions(vocabularySize: 200, byteFallback: false))
            .train(texts: texts + texts.map { ItemText.words($0).joined(separator: " ") } + ["0 1 2 3 4 5 6 7 8 9"])
    }()

    /// Much smaller than cpu-tiny so the test stays fast.
    static var shape: T5Config {
        var c = T5Config()
        c.dModel = 32; c.dKV = 8; c.numHeads = 4; c.dFF = 64; c.numLayers = 1; c.numDecoderLayers = 1
        c.relativeAttentionNumBuckets = 8; c.relativeAttentionMaxDistance = 32; c.dropoutRate = 0
        return c
    }

    static var config: TextualIDs.Config {
        var c = TextualIDs.Config()
        c.pretrainEpochs = 60
        c.pretrainBatchSize = 16
        c.pretrainLearningRate = 1e-2
        c.batchSize = 16
        c.lengthLevels = 2
        return c
    }

    func run(seed: UInt64) throws -> (TextualIDs, ItemIDAssignment) {
        let strategy = try TextualIDs(config: Self.config, freshShape: Self.shape)
        let out = try strategy.assign(Catalogs.input(Self.catalog, seed: seed, tokenizer: Self.tokenizer))
        return (strategy, out)
    }

    func testPretrainedGeneratorWritesUniqueWordIDsDeterministically() throws {
        let (strategy, a) = try run(seed: 11)
        let n = Self.catalog.count
        XCTAssertEqual(a.ids.count, n)
        XCTAssertTrue(a.ids.allSatisfy { !$0.isEmpty })
        XCTAssertEqual(Set(a.ids.map { Self.tokenizer.encode($0, addEOS: true) }).count, n, "unique at token level")
        let fromText = zip(Self.catalog, a.ids).filter { item, id in
            let words = Set(ItemText.words(item.text))
            return !words.isEmpty && ItemText.words(id).allSatisfy(words.contains)
        }.count
        print("textual IDs from the item's own words: \(fromText)/\(n)")
        XCTAssertGreaterThanOrEqual(fromText, 35, "IDs of real words of the item's own text: \(a.ids)")
        XCTAssertNotNil(strategy.generator)
        XCTAssertNotNil(a.report["generator"])
        XCTAssertNotNil(a.report["candidates_tried"])
        XCTAssertEqual(a.report["empty_texts"], "2 items generated from the placeholder text")

        let (_, again) = try run(seed: 11)
        XCTAssertEqual(again.ids, a.ids, "same seed, same IDs")
    }

    /// By default a fresh generator trains until it writes its extractive targets (or hits the cap), and the
    /// report card says which.
    func testDefaultPretrainingRunsToConvergenceAndSaysSo() throws {
        var c = Self.config
        c.pretrainEpochs = nil
        c.pretrainTargetMatch = 0.9
        c.pretrainCheckEvery = 20
        c.pretrainMaxSteps = 600
        let strategy = try TextualIDs(config: c, freshShape: Self.shape)
        let out = try strategy.assign(Catalogs.input(Self.catalog, seed: 11, tokenizer: Self.tokenizer))
        let line = try XCTUnwrap(out.report["generator"])
        XCTAssertTrue(line.contains("reproduces") && (line.contains("stopped at ≥ 90%") || line.contains("600-step cap")), line)
    }

    /// Item IDs keep a back-to-back repeated word once by default ("fragrance spray spray"); the switch keeps
    /// the released code's IDs (the clean-up itself: DiverseIDGenerationTests).
    func testRepeatedWordsCollapseByDefaultAndTheSwitchKeepsThem() throws {
        XCTAssertTrue(try TextualIDs(config: TextualIDs.Config()).generation().config.collapseRepeats)
        var paper = TextualIDs.Config()
        paper.collapseRepeats = false
        XCTAssertFalse(try TextualIDs(config: paper).generation().config.collapseRepeats)
        let parsed = try ConfigCodec.decode(TextualIDs.Config.self, from: try JSONValue.parse(#"{"collapse_repeats": false}"#),
                                            defaults: TextualIDs.Config()).get()
        XCTAssertFalse(parsed.collapseRepeats)
    }

    func testRegenerateReusesTheGeneratorAndCountsChanges() throws {
        let (strategy, a) = try run(seed: 3)
        let input = Catalogs.input(Self.catalog, seed: 3, tokenizer: Self.tokenizer)
        let b = try strategy.regenerate(with: strategy.generator!, input: input)
        XCTAssertEqual(b.ids, a.ids)
        XCTAssertEqual(b.report["changed_since_previous"], "0 items")
        // An untrained generator of the same shape still yields valid unique IDs, mostly different ones.
        var shape = Self.shape
        shape.vocabSize = Self.tokenizer.vocabularySize
        let c = try strategy.regenerate(with: T5Model(config: shape, seed: 99), input: input)
        XCTAssertEqual(Set(c.ids.map { Self.tokenizer.encode($0, addEOS: true) }).count, Self.catalog.count)
        XCTAssertNotEqual(c.report["changed_since_previous"], "0 items")
    }

    func testNeedsTheTokenizer() throws {
        let strategy = try TextualIDs(config: Self.config, freshShape: Self.shape)
        XCTAssertThrowsError(try strategy.assign(Catalogs.input(Self.catalog))) {
            XCTAssertEqual($0 as? ItemIDError, .needsTokenizer(strategy: "textual"))
            XCTAssertTrue("\($0)".contains("tokenizer"))
        }
    }

    func testConfigKeysAndCapability() throws {
        let json = #"{"pretrain_target": "title", "pretrain_epochs": 2, "max_input_tokens": 32, "batch_size": 8}"#
        let c = try decodeConfig(TextualIDs.Config.self, json)
        XCTAssertEqual(c.pretrainTarget, "title")
        XCTAssertEqual(c.pretrainEpochs, 2)
        XCTAssertEqual(c.maxInputTokens, 32)
        XCTAssertEqual(c.batchSize, 8)
        XCTAssertEqual([c.beams, c.groups, c.candidates], [10, 10, 10])
        XCTAssertNil(c.generatorCheckpoint)
        XCTAssertEqual(c.preset, "cpu-tiny")
        XCTAssertTrue((try TextualIDs(config: c)) is TrainableIDGenerator, "the capability comes from this conformance")
        var bad = TextualIDs.Config()
        bad.pretrainTarget = "tags"
        XCTAssertThrowsError(try TextualIDs(config: bad))
        bad = TextualIDs.Config()
        bad.preset = "t5-huge"
        XCTAssertThrowsError(try TextualIDs(config: bad))
        bad = TextualIDs.Config()
        bad.groups = 3
        XCTAssertThrowsError(try TextualIDs(config: bad)) { XCTAssertTrue("\($0)".contains("'beams'")) }
    }

    func testRegisteredByNameWithItsCapabilities() throws {
        let registration = try XCTUnwrap(builtinItemIDStrategies.first { $0.name == "textual" })
        XCTAssertEqual(registration.kind, .itemIDs)
        XCTAssertTrue(registration.provides.isSuperset(of: [.trainableIDGenerator, .tokenSequenceIDs]))
        XCTAssertEqual(registration.inputFiles, ["generator_checkpoint"])
        let built = try registration.build(try JSONValue.parse(#"{"pretrain_target": "title", "beams": 4, "groups": 2, "candidates": 3}"#))
        let strategy = try XCTUnwrap(built as? TextualIDs)
        XCTAssertEqual(strategy.config.pretrainTarget, "title")
        XCTAssertEqual([strategy.config.beams, strategy.config.groups, strategy.config.candidates], [4, 2, 3])
        XCTAssertThrowsError(try registration.build(try JSONValue.parse(#"{"pretrain_epoch": 2}"#)))
    }

    func testGeneratorFromCheckpointNeedsNoPretraining() throws {
        let (strategy, a) = try run(seed: 5)
        let folder = try ScratchFolder([:])
        defer { folder.remove() }
        try strategy.generator!.save(directory: folder.url)
        var c = Self.config
        c.generatorCheckpoint = folder.url.path
        let loaded = try TextualIDs(config: c)
        let b = try loaded.assign(Catalogs.input(Self.catalog, seed: 5, tokenizer: Self.tokenizer))
        XCTAssertEqual(b.ids, a.ids)
        XCTAssertEqual(b.report["generator"], "checkpoint \(folder.url.path)")
        XCTAssertNil(loaded.pretrainCurveCSV)
    }

    func testTitleTargetsAlsoGiveUniqueIDs() throws {
        var c = Self.config
        c.pretrainTarget = "title"
        c.pretrainEpochs = 20
        let a = try TextualIDs(config: c, freshShape: Self.shape)
            .assign(Catalogs.input(Self.catalog, seed: 2, tokenizer: Self.tokenizer))
        XCTAssertEqual(Set(a.ids.map { Self.tokenizer.encode($0, addEOS: true) }).count, Self.catalog.count)
        XCTAssertTrue(a.report["generator"]!.contains("'title'"))
    }

    func testIdenticalAndEmptyTextsEscalateThroughTheRealDecoder() throws {
        let catalog = Catalogs.items([String](repeating: Self.catalog[0].text, count: 30) + ["", "", "", " ; "])
        var shape = Self.shape
        shape.vocabSize = Self.tokenizer.vocabularySize
        var c = Self.config
        c.lengthLevels = 1
        let strategy = try TextualIDs(config: c, freshShape: Self.shape)
        let a = try strategy.regenerate(with: T5Model(config: shape, seed: 8),
                                        input: Catalogs.input(catalog, seed: 1, tokenizer: Self.tokenizer))
        XCTAssertTrue(a.ids.allSatisfy { !ItemText.words($0).isEmpty })
        XCTAssertEqual(Set(a.ids.map { Self.tokenizer.encode($0, addEOS: true) }).count, catalog.count)
        XCTAssertFalse(a.report["escalations"]!.hasPrefix("0 penalty raises"), a.report["escalations"]!)
        XCTAssertEqual(a.report["empty_texts"], "4 items generated from the placeholder text")
    }
}
