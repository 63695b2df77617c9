import Foundation
import XCTest
import IDGenPlugins

/// The `id-generator` trainer: (text → ID) pairs as the generator reads them, and a short run that learns them.
final class IDGeneratorTrainerTests: XCTestCase {
    static let tokenizer = WordTableTokenizer(words: ["red", "blue", "boots", "lamp", "acme", "zenith", "title", "brand"])

    /// A one-layer T5 over the word table, without dropout.
    static func tinyModel() -> T5Model {
        var shape = T5Config()
        shape.vocabSize = tokenizer.vocabularySize
        shape.dModel = 32; shape.dKV = 8; shape.numHeads = 4; shape.dFF = 64; shape.numLayers = 1
        shape.numDecoderLayers = 1; shape.relativeAttentionNumBuckets = 8; shape.dropoutRate = 0
        return T5Model(config: shape, seed: 5)
    }

    func testPairsCutInputsKeepEOSAndDropEmptyTargets() throws {
        var c = IDGeneratorTrainer.Config()
        c.maxInputTokens = 3
        c.maxTargetTokens = 2
        let pairs = try IDGeneratorTrainer(config: c).pairs(texts: ["red boots acme", "blue lamp", "red"],
                                                            targets: ["acme boots", "", "red"], tokenizer: Self.tokenizer)
        let t = Self.tokenizer
        XCTAssertEqual(pairs, [
            Seq2SeqPair(source: [t.tokenID("red")!, t.tokenID("boots")!, t.eosID], target: [t.tokenID("acme")!, t.eosID]),
            Seq2SeqPair(source: [t.tokenID("red")!, t.eosID], target: [t.tokenID("red")!, t.eosID]),
        ])
    }

    func testShortTrainingLearnsToCopyTheIDWord() throws {
        let model = Self.tinyModel()
        let texts = ["red boots acme", "blue lamp zenith", "red lamp acme", "blue boots zenith"]
        let targets = ["boots", "lamp", "lamp", "boots"]
        var c = IDGeneratorTrainer.Config()
        c.length.epochs = 80
        c.batchSize = 4
        c.learningRate = 1e-2
        let trainer = try IDGeneratorTrainer(config: c)
        try trainer.train(model: model, texts: texts, targets: targets, tokenizer: Self.tokenizer, seed: 1)
        let curve = trainer.engine!.curve
        XCTAssertEqual(trainer.engine!.stepsDone, 80)
        XCTAssertLessThan(curve.last!.loss, curve.first!.loss / 4)
        let decoded = GreedyDecoderProbe.firstTokens(model, inputs: texts.map { Self.tokenizer.encode($0, addEOS: true) })
        XCTAssertEqual(decoded, targets.map { Self.tokenizer.tokenID($0)! })
    }

    /// Trained to a target: it stops at the first check where greedy decoding writes every target, well
    /// before the step cap, and greedy decoding then writes every target.
    func testTrainingToConvergenceStopsWhenTheTargetsAreReproduced() throws {
        let model = Self.tinyModel()
        let texts = ["red boots acme", "blue lamp zenith", "red lamp acme", "blue boots zenith"]
        let targets = ["boots acme", "lamp zenith", "lamp acme", "boots zenith"]
        var c = IDGeneratorTrainer.Config()
        c.length = TrainingLength(epochs: 2000)
        c.length.maxSteps = 2000
        c.batchSize = 4
        c.learningRate = 1e-2
        let trainer = try IDGeneratorTrainer(config: c)
        try trainer.train(model: model, texts: texts, targets: targets, tokenizer: Self.tokenizer, seed: 1,
                          convergence: .init(share: 1, every: 10, sample: 4))
        let engine = try XCTUnwrap(trainer.engine)
        XCTAssertEqual(engine.bestValidation, 1)
        XCTAssertLessThan(engine.stepsDone, 2000, "stopped at convergence, not at the cap")
        XCTAssertEqual(engine.stepsDone % 10, 0, "stops at a check")
        let pairs = trainer.pairs(texts: texts, targets: targets, tokenizer: Self.tokenizer)
        XCTAssertEqual(IDGeneratorTrainer.reproduced(pairs, by: model), 1)
        let written = model.greedyDecode(inputs: pairs.map(\.source), maxTokens: 5)
        XCTAssertEqual(written, pairs.map(\.target))
    }

    /// The registration line the trainer family list takes (no `builtinTrainers` list exists yet).
    func testRegistrationLineBuildsFromSnakeCaseParameters() throws {
        let line = ComponentRegistration(kind: .trainer, name: "id-generator",
                                         summary: "supervised item text → ID training of the ID generator",
                                         config: IDGeneratorTrainer.Config.self) { try IDGeneratorTrainer(config: $0) }
        let built = try line.build(try JSONValue.parse(#"{"epochs": 2, "learning_rate": 0.0005, "max_target_tokens": 8}"#))
        let trainer = try XCTUnwrap(built as? IDGeneratorTrainer)
        XCTAssertEqual(trainer.config.length.epochs, 2)
        XCTAssertEqual(trainer.config.learningRate, 0.0005)
        XCTAssertEqual(trainer.config.maxTargetTokens, 8)
        XCTAssertEqual(trainer.config.batchSize, 32)
        XCTAssertFalse(line.check(try JSONValue.parse(#"{"epoch": 2}"#)).isEmpty)
    }

    func testInvalidConfigIsAdvice() {
        var c = IDGeneratorTrainer.Config()
        c.batchSize = 0
        XCTAssertThrowsError(try IDGeneratorTrainer(config: c)) { XCTAssertTrue("\($0)".contains("batch_size")) }
    }
}

/// The most likely first token after the decoder start, per input.
enum GreedyDecoderProbe {
    static func firstTokens(_ model: T5Model, inputs: [[Int]]) -> [Int] {
        let d = model.beginDecoding(inputs: inputs)
        let lp = d.step(parents: Array(inputs.indices), tokens: inputs.map { _ in model.decoderStartID })
        let V = d.vocabularySize
        return inputs.indices.map { r in (0 ..< V).max { lp[r * V + $0] < lp[r * V + $1] }! }
    }
}
