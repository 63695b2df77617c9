// idgenrec-bench: speed measurements, printed beside the reference measured in the same run.
// Usage: idgenrec-bench <kernel|…|all> [options]; `all` runs the speed benches, not the by-name-only ones.
import Foundation

let benches: [(String, ([String]) throws -> Void)] = [
    ("kernel", runKernelBench),
    ("t5-train", runT5TrainBench),
    ("causal", runCausalBench),
    ("tokenizer", runTokenizerBench),
    ("decode", runDecodeBench),
    ("ingest", runIngestBench),
    ("textual-ids", runTextualIDsBench),
    ("plugins", runPluginBridgeBench),
]
// Quality measurements on real data that take long (SASRec trains for tens of minutes): run by name only.
let byNameOnly: [(String, ([String]) throws -> Void)] = [
    ("baselines-beauty", runBaselinesBeautyBench),
]

let arguments = Array(CommandLine.arguments.dropFirst())
let which = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())
let selected = which == "all" ? benches : (benches + byNameOnly).filter { $0.0 == which }
if selected.isEmpty {
    FileHandle.standardError.write("unknown benchmark '\(which)': known are \((benches + byNameOnly).map(\.0).joined(separator: ", ")), all\n".data(using: .utf8)!)
    exit(2)
}
for (name, run) in selected {
    print("== \(name)")
    do { try run(rest) } catch {
        FileHandle.standardError.write("benchmark \(name) failed: \(error)\n".data(using: .utf8)!)
        exit(1)
    }
}
