// Runs one validated experiment end to end: data → split → tokenizer → item IDs (+ trie) → prompts →
// model → training → evaluation over all test users → run folder (config, ID map, checkpoint, per-user CSV,
// metrics, reports). Every random choice derives from the experiment's seed. The folder is written in a
// staging folder and swapped in only when complete (`ExperimentRunner+Staging.swift`, README "Run folders").
import Foundation

public final class ExperimentRunner {
    public let experiment: Experiment
    public let registry: ComponentRegistry
    public var progress: ProgressHandler?
    public var log: (String) -> Void
    /// What to do with existing work under output_dir: refuse it (`fresh`), replace it once this run is complete
    /// (`force`), or continue the unfinished run from its `trainer-state/` with the same settings (`resume`).
    public var mode = RunFolderMode.fresh
    /// Tests only: alternate training stops (as a kill would) right after the checkpoint of this phase.
    public var stopAfterPhase: Int?
    /// A tokenizer to use instead of the tokenizer stage (zero-shot transfer keeps the trained model's).
    public var sharedTokenizer: TextTokenizer?

    public init(experiment: Experiment, registry: ComponentRegistry, progress: ProgressHandler? = nil,
                log: @escaping (String) -> Void = { _ in }) {
        self.experiment = experiment
        self.registry = registry
        self.progress = progress
        self.log = log
    }

    public var seed: UInt64 { UInt64(truncatingIfNeeded: experiment.seed) }

    public var outputFolder: URL {
        let path = experiment.outputDir
        return path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
    }

    /// Builds the component of a stage (the first choice for single stages). A `seed` parameter the user did
    /// not set takes the experiment's seed, so one seed drives every component.
    func component<T>(_ key: StageKey, as type: T.Type) throws -> T {
        guard let stage = experiment.pipeline.stage(key), let choice = stage.choice else {
            throw RunError(stage: key.rawValue, "the pipeline has no \(key.rawValue) stage")
        }
        return try make(choice, kind: key.kind, as: type, stage: key.rawValue)
    }

    func components<T>(_ key: StageKey, as type: T.Type) throws -> [T] {
        try (experiment.pipeline.stage(key)?.choices ?? []).map { try make($0, kind: key.kind, as: type, stage: key.rawValue) }
    }

    private func make<T>(_ choice: ComponentChoice, kind: ComponentKind, as type: T.Type, stage: String) throws -> T {
        var params = choice.params == .null ? .object([]) : choice.params
        if let entry = try? registry.entry(kind, choice.name) {
            if entry.schema.key("seed") != nil, params["seed"] == nil {
                params = ConfigCodec.overlay(.object([("seed", .int(experiment.seed))]), on: params)
            }
            // Input files are relative to the experiment file (as validation checked them), not to the cwd.
            for key in entry.inputFiles {
                if let path = params[key]?.stringValue, !path.isEmpty, !path.hasPrefix("/") {
                    params = ConfigCodec.overlay(.object([(key, .string(experiment.folder.absoluteURL.appendingPathComponent(path).standardized.path))]), on: params)
                }
            }
        }
        let built = try registry.make(kind, choice.name, params: params)
        guard let typed = built as? T else {
            throw RunError(stage: stage, "\(kind.rawValue) '\(choice.name)' cannot serve as \(T.self) here")
        }
        return typed
    }

    /// The whole run, written into the staging folder and swapped into output_dir once complete. Returns the
    /// summary the reporters saw.
    @discardableResult
    public func run() throws -> RunSummary {
        try withStaging { staging in try run(in: staging) }
    }

    func run(in folder: URL) throws -> RunSummary {
        try AtomicFile.write(experiment.resolvedJSON(registry: registry).serialized(pretty: true) + "\n",
                             to: folder.appendingPathComponent("config.json"))
        var prepared = try prepare()
        if mode == .resume { try refuseChangedData(prepared.data, in: folder) }
        try writeIDMap(prepared, to: folder)
        let builder = try component(.model, as: Seq2SeqModelBuilder.self)
        let model = try builder.makeModel(vocabularySize: prepared.tokenizer.vocabularySize, padID: prepared.tokenizer.padID,
                                          eosID: prepared.tokenizer.eosID, seed: seed)
        log("model: \(model.summary)")
        let training = try train(model, &prepared, folder: folder)
        try writeIDMap(prepared, to: folder, training: training)   // a trainer may have changed the IDs (alternate)
        try saveCheckpoint(model, tokenizer: prepared.tokenizer, to: folder.appendingPathComponent("checkpoint"))
        if let trainable = prepared.strategy as? TrainableIDGenerator, let generator = trainable.generator {
            // The ID generator, so textual IDs can be made for another catalog (`idgenrec transfer`).
            try saveCheckpoint(generator, tokenizer: prepared.tokenizer, to: folder.appendingPathComponent("generator"))
        }
        let evaluation = try evaluate(model, prepared, folder: folder)
        let summary = RunSummary(experiment: outputFolder.lastPathComponent, dataset: prepared.data.name,
                                 itemIDs: experiment.pipeline[.itemIDs]?.choice?.name ?? "?",
                                 metrics: evaluation.metrics, users: prepared.testSamples.count,
                                 trainingSeconds: training.seconds, samplesPerSecond: training.samplesPerSecond,
                                 decodeMillisecondsPerUser: evaluation.millisecondsPerUser,
                                 idReport: prepared.idReport, notes: prepared.notes)
        for reporter in try components(.reporters, as: RunReporter.self) {
            let text = try reporter.report(summary, to: folder)
            if !text.isEmpty { log(text) }
        }
        return summary
    }
}
