import Foundation
import IDGenPlugins

// An experiment: which component (and parameters) runs each stage, plus seed, output folder and budget.
// File format (stage keys from `StageKey`; a stage is a name, or {"component": name, …params}):
//
//   {"seed": 42, "output_dir": "runs/beauty-textual", "budget": {"minutes": 30},
//    "evaluation": {"batch_size": 32, "exclude_history": false},
//    "dataset": {"component": "idgenrec-folder", "path": "../shared/data/Beauty"},
//    "item_ids": {"component": "textual", "id_length": 3},
//    "tokenizer": "unigram", "model": {"component": "t5", "preset": "cpu-tiny"}, "trainer": "alternate",
//    "metrics": ["hr@5", "hr@10", {"component": "ndcg@k", "k": 10}], "reporters": ["table"]}
//
// `--set stage.key=value` overrides the file; parameters not given anywhere take the component's defaults
// (precedence CLI > file > defaults, as RecBole does).
public struct Experiment {
    public enum Source: String, Equatable { case cli, file }

    /// The experiment file (relative paths in parameters are relative to its folder).
    public var file: URL
    public var seed: Int = 42
    public var outputDir: String
    public var budget = Budget()
    /// How the test users are evaluated: users decoded together, and whether items already in a user's
    /// history are never recommended (off by default, as in the reference).
    public var evaluation = Evaluator.Config()
    public var pipeline = Pipeline()
    /// Where each explicitly set value came from, keyed "item_ids.id_length", "seed", "budget.steps"…
    public var sources: [String: Source] = [:]

    public init(file: URL) {
        self.file = file
        self.outputDir = "runs/" + file.deletingPathExtension().lastPathComponent
    }

    public var folder: URL { file.deletingLastPathComponent() }

    public static let topLevelKeys = ["seed", "output_dir", "budget", "evaluation", "description"] + StageKey.allCases.map(\.rawValue)
}
