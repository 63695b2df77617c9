// `textual` item IDs (IDGenRec): a T5 ID generator reads each item's text and writes its ID, made unique by
// diverse ID generation (paper Alg. 1, `DiverseIDGeneration`). The generator shares the recommender's
// tokenizer (the soft embedding of alternate training needs one vocabulary). It comes from
// - `generator_checkpoint`: an HF T5 folder (t5-small, the paper's tag generator, or a previous run), or
// - by default (no pretrained weights here): a fresh T5 of `preset` taught by the `id-generator` trainer to
//   emit extractive IDs (`keyword` or `title` IDs of the same catalog) from the text — a short budget, enough
//   for the generator to copy salient words; alternate training then refines it.
// The trained generator stays on the strategy (`generator`, `TrainableIDGenerator`) so the `alternate` trainer
// can fine-tune it and call `regenerate(with:input:)` between phases.
//
// Legend: N items.
import Foundation

public final class TextualIDs: TrainableIDGenerator {
    public struct Config: ComponentConfig, Equatable {
        /// HF T5 folder (config.json + model.safetensors) for the generator; nil = fresh + pretraining.
        public var generatorCheckpoint: String? = nil
        /// T5 shape of a fresh generator (`cpu-tiny`, `cpu-small`, `t5-small`); its vocabulary is the tokenizer's.
        public var preset = "cpu-tiny"
        /// Extractive targets a fresh generator learns: `keyword` (TF-IDF words) or `title` (first title words).
        public var pretrainTarget = "keyword"
        /// How long a fresh generator is pretrained: until greedy decoding reproduces `pretrain_target_match`
        /// of its targets exactly (checked every `pretrain_check_every` steps on a seeded sample of
        /// `pretrain_check_items` items; 0 = no check), at most `pretrain_max_steps`. A generator that cannot
        /// write its own extractive IDs yet invents sub-words; one that can starts alternate training from
        /// IDs made of the item's words.
        public var pretrainMaxSteps = 3000
        public var pretrainTargetMatch = 0.95
        public var pretrainCheckEvery = 100
        public var pretrainCheckItems = 500
        /// A fixed number of pretraining passes instead (no check) — nil = by convergence, as above.
        public var pretrainEpochs: Double? = nil
        public var pretrainLearningRate: Float = 3e-3
        public var pretrainBatchSize = 32
        /// Item text tokens the generator reads (reference: the tokenizer's max length; short texts here).
        public var maxInputTokens = 64
        /// Group beam search as the paper: 10 beams in 10 groups, 10 candidates per item and round.
        public var beams = 10
        public var groups = 10
        public var candidates = 10
        /// Items per generator call (the reference generates one item at a time).
        public var batchSize = 64
        /// Values of L tried (1, 11, 21, …) before the numeric last resort.
        public var lengthLevels = 3
        /// What the generator reads for an item whose text has no words.
        public var placeholderText = "item"
        /// A word the generator repeats back to back is kept once ("fragrance spray spray" → "fragrance
        /// spray"), as textual user IDs do; false keeps the released code's IDs as generated.
        public var collapseRepeats = true

        public init() {}

        /// The preset is checked for a fresh generator only (a checkpoint brings its own shape).
        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(["keyword", "title"].contains(pretrainTarget), "pretrain_target",
                      "must be 'keyword' or 'title' (got '\(pretrainTarget)')")
            c.require(generatorCheckpoint != nil || T5Config.presetNames.contains(preset), "preset",
                      "must be one of \(T5Config.presetNames.joined(separator: ", ")) (got '\(preset)')")
            c.require(pretrainBatchSize >= 1, "pretrain_batch_size", "must be at least 1 (got \(pretrainBatchSize))")
            c.require((pretrainEpochs ?? 1) > 0, "pretrain_epochs", "must be > 0 (or null: by convergence), got \(pretrainEpochs ?? 0)")
            c.require(pretrainMaxSteps >= 1, "pretrain_max_steps", "must be at least 1 (got \(pretrainMaxSteps))")
            c.require((0...1).contains(pretrainTargetMatch), "pretrain_target_match", "must be in 0…1 (0 = no check), got \(pretrainTargetMatch)")
            c.require(pretrainCheckEvery >= 1, "pretrain_check_every", "must be at least 1 (got \(pretrainCheckEvery))")
            c.require(pretrainCheckItems >= 1, "pretrain_check_items", "must be at least 1 (got \(pretrainCheckItems))")
            var problems = c.problems + GroupBeamIDCandidates.problems(beams: beams, groups: groups, candidates: candidates,
                                                                       maxInputTokens: maxInputTokens)
            var rest = ConfigChecks()
            rest.require(batchSize >= 1, "batch_size", "must be at least 1 (got \(batchSize))")
            rest.require(lengthLevels >= 1, "length_levels", "must be at least 1 (got \(lengthLevels))")
            rest.require(!ItemText.words(placeholderText).isEmpty, "placeholder_text", "must contain a letter or digit")
            problems += rest.problems
            return problems
        }
    }

    public let config: Config
    /// A fresh generator's shape before the vocabulary is set (tests use a smaller one than the presets).
    public let freshShape: T5Config?
    /// The generator of the last `assign` (trained or loaded), for the `alternate` trainer to fine-tune.
    public private(set) var generator: T5Model?
    /// The last IDs produced, to count how many change when `regenerate` runs after a training phase.
    public private(set) var lastAssignment: ItemIDAssignment?
    /// The pretraining curve of a fresh generator (CSV), nil when loaded from a checkpoint.
    public internal(set) var pretrainCurveCSV: String?

    public convenience init(config: Config = Config()) throws {
        try self.init(config: config, freshShape: nil)
    }

    /// `freshShape` overrides `preset` for a fresh generator (its vocabulary and special ids still follow the tokenizer).
    public init(config: Config, freshShape: T5Config?) throws {
        // `freshShape` replaces the preset, so a preset problem does not apply then.
        if let p = config.validate().first(where: { freshShape == nil || $0.key != "preset" }) {
            throw ItemIDError.invalidConfig(strategy: "textual", key: p.key, problem: p.message)
        }
        self.config = config
        self.freshShape = freshShape
        _ = try generation()
    }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        try TokenSequenceKey.validate(input, strategy: "textual")
        let tokenizer = try Self.tokenizer(of: input)
        let start = Date()
        let (model, source) = try makeGenerator(input, tokenizer: tokenizer)
        generator = model
        var out = try regenerate(with: model, input: input)
        out.report["generator"] = source
        out.report["generator_seconds"] = String(format: "%.1f", Date().timeIntervalSince(start))
        return out
    }

    /// All IDs again from `generator` (e.g. after an ID-generator phase of alternate training); the report
    /// counts the items whose ID changed since the previous assignment.
    public func regenerate(with generator: T5Model, input: ItemIDInput) throws -> ItemIDAssignment {
        let tokenizer = try Self.tokenizer(of: input)
        let start = Date()
        let candidates = try GroupBeamIDCandidates(scorer: generator, tokenizer: tokenizer, beams: config.beams,
                                                   groups: config.groups, candidates: config.candidates,
                                                   maxInputTokens: config.maxInputTokens)
        let outcome = try generation().generate(texts: input.catalog.map(\.text), generator: candidates, tokenizer: tokenizer)
        var report = outcome.report
        report["generation_seconds"] = String(format: "%.1f", Date().timeIntervalSince(start))
        if let previous = lastAssignment, previous.ids.count == outcome.ids.count {
            report["changed_since_previous"] = "\(zip(previous.ids, outcome.ids).filter { $0 != $1 }.count) items"
        }
        let assignment = ItemIDAssignment(ids: outcome.ids, addedTokens: [], report: report)
        self.generator = generator
        lastAssignment = assignment
        return assignment
    }

    /// [N] what the generator reads for each item: its text (or the placeholder), cut to `max_input_tokens`.
    public func generatorInputs(catalog: [CatalogItem], tokenizer: TextTokenizer) -> [[Int]] {
        catalog.map { GeneratorInput.tokens($0.text, placeholder: config.placeholderText, maxInputTokens: config.maxInputTokens, tokenizer: tokenizer) }
    }

    /// Takes `ids` as the IDs in force (a resumed run restoring its state), so the next `regenerate` counts
    /// changes against them.
    public func adopt(_ ids: [String]) {
        lastAssignment = ItemIDAssignment(ids: ids, addedTokens: [], report: lastAssignment?.report ?? [:])
    }

    /// The diverse ID generation this config runs (Alg. 1 with its batch, length levels and clean-up).
    public func generation() throws -> DiverseIDGeneration {
        var c = DiverseIDGeneration.Config()
        c.batchSize = config.batchSize
        c.lengthLevels = config.lengthLevels
        c.placeholderText = config.placeholderText
        c.collapseRepeats = config.collapseRepeats
        return try DiverseIDGeneration(config: c)
    }

    static func tokenizer(of input: ItemIDInput) throws -> TextTokenizer {
        guard let t = input.tokenizer else { throw ItemIDError.needsTokenizer(strategy: "textual") }
        return t
    }
}
