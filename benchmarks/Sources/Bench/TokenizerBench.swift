// Tokenizer throughput: encode MB/s and tokens/s of UnigramTokenizer on the Beauty item texts, to set beside
// HF tokenizers single-thread on the same texts (benchmarks/hf_tokenizer_bench.py, same run).
//
//   idgenrec-bench tokenizer [--data ../shared/data/beauty/item_plain_text.txt]
//                            [--tokenizer Tests/Fixtures/tokenizer/t5.tokenizer.json] [--repeat 5]
//   idgenrec-bench tokenizer train <corpus.txt> <out tokenizer.json> [vocab size, default 2000]
//       (how Tests/Fixtures/tokenizer/swift.tokenizer.json is made: special tokens <extra_id_0>, <extra_id_1>)
import Foundation
import IDGenPlugins

public func runTokenizerBench(args: [String]) throws {
    if args.first == "train" { return try trainTokenizer(Array(args.dropFirst())) }
    var data = "../shared/data/beauty/item_plain_text.txt"
    var tokenizerPath = "Tests/Fixtures/tokenizer/t5.tokenizer.json"
    var repeats = 5
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : ""
        switch args[i] {
        case "--data": data = value
        case "--tokenizer": tokenizerPath = value
        case "--repeat": repeats = Int(value) ?? repeats
        default: throw TokenizerError.invalidValue(file: "idgenrec-bench tokenizer", field: args[i],
                                                   reason: "unknown option; known: --data, --tokenizer, --repeat, train")
        }
        i += 2
    }
    guard FileManager.default.fileExists(atPath: data) else {
        print("tokenizer bench: \(data) not found (needs ../shared/data); skipped")
        return
    }
    let texts = try itemTexts(data)
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let tok = try UnigramTokenizer(contentsOf: URL(fileURLWithPath: tokenizerPath))
    var tokens = 0
    for t in texts { tokens += tok.encode(t, addEOS: true).count }  // warm-up, and the token count HF must match
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        var n = 0
        for t in texts { n += tok.encode(t, addEOS: true).count }
        precondition(n == tokens)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(String(format: "swift UnigramTokenizer: %d texts, %.2f MB, %d tokens, best of %d: %.3f s, %.2f MB/s, %.0f tokens/s",
                 texts.count, Double(bytes) / 1e6, tokens, repeats, best, Double(bytes) / 1e6 / best, Double(tokens) / best))
}

/// The item texts of an item_plain_text.txt: each line is `<item id> <text>`.
func itemTexts(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
        guard let space = line.firstIndex(of: " ") else { return String(line) }
        return String(line[line.index(after: space)...])
    }
}

private func trainTokenizer(_ args: [String]) throws {
    guard args.count >= 2 else {
        throw TokenizerError.invalidValue(file: "idgenrec-bench tokenizer train", field: "arguments",
                                          reason: "usage: tokenizer train <corpus.txt> <out tokenizer.json> [vocab size]")
    }
    let corpus = try String(contentsOfFile: args[0], encoding: .utf8).split(separator: "\n").map(String.init)
    let options = UnigramTrainerOptions(vocabularySize: args.count > 2 ? Int(args[2]) ?? 2000 : 2000, characterCoverage: 0.9995,
                                        byteFallback: true, specialTokens: ["<extra_id_0>", "<extra_id_1>"])
    let start = Date()
    let tok = try UnigramTrainer(options: options).train(texts: corpus)
    try tok.save(to: URL(fileURLWithPath: args[1]))
    print(String(format: "trained %d ids on %d lines in %.1f s → %@", tok.vocabularySize, corpus.count,
                 Date().timeIntervalSince(start), args[1]))
}
