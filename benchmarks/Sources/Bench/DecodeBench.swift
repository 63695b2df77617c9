// Decode benchmark (issue 8): trie-beam with 20 beams returning 20 items over a trie of 12,000 random token
// sequences of length 4–8, inputs of 128 tokens, batch 1 and batched, with a T5 preset (random weights,
// cached incremental decoding) — and with a replay scorer whose `step` only copies precomputed log-softmax
// rows, which isolates the decoder's own bookkeeping from the model's time.
// With --torch PYTHON it then runs the reference in the same run: HF `generate` + `prefix_allowed_tokens_fn`
// (benchmarks/torch_generate.py, batch 1) on the same weights (saved from this model), the same trie and the
// same prompts, and prints the ratio.
//
// Usage: idgenrec-bench decode [--preset cpu-small] [--items 12000] [--inputs 64] [--batch 32] [--beams 20] [--renormalize]
//                              [--batched-only] [--torch /path/to/venv/bin/python [--torch-inputs N (default: all)]]
//
// Legend: B inputs, R rows of a step, V vocabulary, P precomputed rows.
import Foundation
import IDGenKernel
import IDGenPlugins

/// A scorer that answers every step by copying one of P precomputed log-softmax rows, picked by hashing
/// (parent, token) — deterministic, model-free, and as cheap as a `step` can be.
final class ReplayScorer: Seq2SeqScorer {
    let vocabularySize: Int, decoderStartID = 0, eosID = 1, padID = 0
    let table: [Float]                       // [P, V]
    let P: Int
    var seconds = 0.0                        // time spent inside `step`, to separate it from the decoder's

    init(vocabularySize V: Int, rows P: Int = 64, seed: UInt64) {
        vocabularySize = V; self.P = P
        var table: [Float] = [], z = seed
        table.reserveCapacity(P * V)
        for _ in 0 ..< P {
            let logits = (0 ..< V).map { _ -> Float in z = z &* 6364136223846793005 &+ 1442695040888963407
                return Float(z >> 40) / Float(1 << 24) * 8 }
            let m = logits.max()!, lse = m + log(logits.reduce(0) { $0 + exp($1 - m) })
            table += logits.map { $0 - lse }
        }
        self.table = table
    }

    func beginDecoding(inputs: [[Int]]) -> IncrementalDecoder { ReplayDecoder(scorer: self) }
}

final class ReplayDecoder: IncrementalDecoder {
    let scorer: ReplayScorer
    var stepIndex = 0
    var out: [Float] = []                    // [R, V] handed out by value; unique again by the next step
    init(scorer: ReplayScorer) { self.scorer = scorer }
    var vocabularySize: Int { scorer.vocabularySize }

    func step(parents: [Int], tokens: [Int]) -> [Float] {            // → [R, V]
        let started = Date()
        defer { scorer.seconds += Date().timeIntervalSince(started) }
        let V = scorer.vocabularySize
        out.removeAll(keepingCapacity: true)                          // reused: no allocation after warm-up
        for (p, tok) in zip(parents, tokens) {
            let pick = Int(UInt(bitPattern: (p &* 31 &+ tok &* 131 &+ stepIndex &* 7)) % UInt(scorer.P))
            out.append(contentsOf: scorer.table[pick * V ..< (pick + 1) * V])
        }
        stepIndex += 1
        return out
    }
}

func runDecodeBench(args: [String]) throws {
    func option(_ name: String, _ fallback: Int) -> Int { value(of: name, in: args).flatMap { Int($0) } ?? fallback }
    let items = option("--items", 12_000), inputsCount = option("--inputs", 64), batch = option("--batch", 32)
    let beams = option("--beams", 20)
    let preset = value(of: "--preset", in: args) ?? "cpu-small"
    let model = T5Model(config: try T5Config.preset(preset), seed: 1)
    let V = model.config.vocabSize
    var z: UInt64 = 42
    func next() -> Int { z = z &* 6364136223846793005 &+ 1442695040888963407; return Int(z >> 33) }
    var seen = Set<[Int]>(), ids: [[Int]] = []
    while ids.count < items {
        let s = (0 ..< 4 + next() % 5).map { _ in 2 + next() % (V - 2) } + [1]
        if seen.insert(s).inserted { ids.append(s) }
    }
    let inputs = (0 ..< inputsCount).map { _ in (0 ..< 128).map { _ in 2 + next() % (V - 2) } }

    var t0 = Date()
    let trie = try Trie(sequences: ids, eosID: 1)
    print(String(format: "trie: %d items, %d nodes, built in %.1f ms", items, trie.nodeCount,
                 Date().timeIntervalSince(t0) * 1000))
    var config = TrieBeamDecoder.Config(); config.beams = beams; config.k = beams
    // --renormalize: scores renormalized over the allowed tokens (the model computes only those logits).
    config.renormalizeAllowed = args.contains("--renormalize")
    if config.renormalizeAllowed { print("scoring: log-softmax renormalized over each row's allowed tokens") }
    let decoder = try TrieBeamDecoder(config: config)
    let replay = ReplayScorer(vocabularySize: V, seed: 7)
    var batchedMs = 0.0
    for (label, scorer) in [("replay scorer, decoder overhead", replay as Seq2SeqScorer), ("\(preset) T5", model)] {
        for b in args.contains("--batched-only") ? [batch] : [1, batch] {
            replay.seconds = 0
            t0 = Date()
            var returned = 0, start = 0, best = Double.infinity
            var digest: UInt64 = 0xCBF2_9CE4_8422_2325          // FNV-1a over every returned item and score
            while start < inputs.count {
                let chunk = Array(inputs[start ..< min(start + b, inputs.count)])
                let c0 = Date()
                let ranked = decoder.rank(scorer, trie: trie, inputs: chunk, exclusions: nil)
                best = min(best, Date().timeIntervalSince(c0) * 1000 / Double(chunk.count))
                returned += ranked.reduce(0) { $0 + $1.items.count }
                for r in ranked {
                    for (item, score) in zip(r.items, r.scores) {
                        digest = (digest ^ UInt64(item)) &* 0x100_0000_01B3
                        digest = (digest ^ UInt64(score.bitPattern)) &* 0x100_0000_01B3
                    }
                }
                start += chunk.count
            }
            let ms = Date().timeIntervalSince(t0) * 1000 / Double(inputs.count)
            if scorer === model && b == batch { batchedMs = ms }
            let inStep = scorer === replay ? String(format: " (step %.2f)", replay.seconds * 1000 / Double(inputs.count)) : ""
            // Mean over all inputs, and the best batch (the host's second core comes and goes).
            print(String(format: "trie-beam K=%d, %@, batch %d: %.2f ms/input (best batch %.2f)%@, %.1f items/input; 22,363 users ≈ %.1f min; results %016llx",
                         beams, label, b, ms, best, inStep, Double(returned) / Double(inputs.count), ms * 22_363 / 60_000, digest))
        }
    }
    // Of the batched T5 time, the part spent before the first step: encoder + cross-attention keys/values,
    // with the batch split into shards as the decoder splits it.
    t0 = Date()
    for start in stride(from: 0, to: inputs.count, by: batch) {
        let chunk = Array(inputs[start ..< min(start + batch, inputs.count)]), n = min(Parallel.workers, chunk.count)
        Parallel.shards(n) { s in
            _ = model.beginDecoding(inputs: Array(chunk[(chunk.count * s / n) ..< (chunk.count * (s + 1) / n)]))
        }
    }
    print(String(format: "  of which encoder + cross-attention keys/values, batch %d: %.2f ms/input", batch,
                 Date().timeIntervalSince(t0) * 1000 / Double(inputs.count)))
    if let python = value(of: "--torch", in: args) {
        try runDecodeReference(python: python, model: model, items: ids, inputs: Array(inputs.prefix(option("--torch-inputs", inputs.count))),
                               beams: beams, swiftMs: batchedMs, batch: batch)
    }
}

/// HF `generate` on this model's weights, trie and prompts (torch_generate.py, batch 1), and the ratio.
func runDecodeReference(python: String, model: T5Model, items: [[Int]], inputs: [[Int]], beams: Int, swiftMs: Double,
                        batch: Int) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgenrec-decode-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    try model.save(directory: dir)
    func lines(_ rows: [[Int]]) -> String { rows.map { $0.map(String.init).joined(separator: " ") }.joined(separator: "\n") + "\n" }
    let itemsFile = dir.appendingPathComponent("items.txt"), inputsFile = dir.appendingPathComponent("inputs.txt")
    try lines(items.map { Array($0.dropLast()) }).write(to: itemsFile, atomically: true, encoding: .utf8)  // without EOS
    try lines(inputs).write(to: inputsFile, atomically: true, encoding: .utf8)
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("torch_generate.py").path
    let out = try runProcess(python, [script, "--weights", dir.appendingPathComponent("model.safetensors").path,
                                      "--items-file", itemsFile.path, "--inputs-file", inputsFile.path,
                                      "--inputs", String(inputs.count), "--batch", "1", "--beams", String(beams)])
    guard let line = out.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
          let json = try? JSONValue.parse(String(line)), let hf = json["ms_per_input"]?.doubleValue else {
        print("torch: could not read its result line:\n\(out)")
        return
    }
    let fastest = json["ms_per_input_min"]?.doubleValue ?? hf, distinct = json["mean_distinct_valid"]?.doubleValue ?? 0
    print(String(format: "HF generate + prefix_allowed_tokens_fn, batch 1, same weights, trie and prompts (%d inputs): "
                 + "%.1f ms/input (fastest %.1f), %.1f distinct valid items/input", inputs.count, hf, fastest, distinct))
    if swiftMs > 0 {
        print(String(format: "ratio  Swift trie-beam batch %d is ×%.1f faster than HF per input", batch, hf / swiftMs))
    }
}
