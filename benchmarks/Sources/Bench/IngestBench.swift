// Ingest throughput: a generated Amazon-2018-style review file (JSON lines, ≥ 200 MB) read through the json-c
// streaming path the loaders use, beside Foundation's JSONSerialization on the same lines in the same run
// (STYLE.md habit 9: timings as ratios against a reference measured together). Target: ≥ 150 MB/s for json-c.
//   idgenrec-bench ingest [--mb 256] [--file PATH]
import Foundation
import IDGenPlugins

func runIngestBench(args: [String]) throws {
    var megabytes = 256
    var path = "/tmp/idgenrec-ingest-bench.json"
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--mb": megabytes = Int(args[i + 1]) ?? megabytes; i += 2
        case "--file": path = args[i + 1]; i += 2
        default: i += 1
        }
    }
    let bytes = try IngestBenchFile.ensure(path: path, megabytes: megabytes)
    let mb = Double(bytes) / 1_048_576
    print(String(format: "ingest: %@ (%.1f MB of Amazon-2018-style review lines)", path, mb))

    // Wall time and process CPU time: on a shared machine the CPU figure is the one that says how fast the
    // code is; both are printed.
    // 1. json-c streaming: parse every line, read the three fields a loader needs, intern the ids.
    var c0 = IngestBenchClock.cpu()
    var t0 = Date()
    var ledger = BadLineLedger(policy: .error)
    var users = ByteKeyIndex(capacity: 1 << 18), items = ByteKeyIndex(capacity: 1 << 16)
    var lines = 0, timeSum: Int64 = 0
    try JSONLinesReader(path: path).forEachObject(ledger: &ledger) { obj, _ in
        lines += 1
        timeSum &+= obj.int64("unixReviewTime") ?? 0
        if let u = obj.stringBytes("reviewerID") { _ = users.intern(u) }
        if let a = obj.stringBytes("asin") { _ = items.intern(a) }
        return nil
    }
    let jsonc = Date().timeIntervalSince(t0), jsoncCPU = IngestBenchClock.cpu() - c0

    // 2. Foundation JSONSerialization on the same lines (same line reader, same fields).
    c0 = IngestBenchClock.cpu()
    t0 = Date()
    var fLines = 0, fTimeSum: Int64 = 0
    var fUsers = Set<String>(), fItems = Set<String>()
    try LineReader(path: path).forEachLine { line, _ in
        guard !line.isEmpty else { return }
        let obj = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
        fLines += 1
        fTimeSum &+= (obj["unixReviewTime"] as? NSNumber)?.int64Value ?? 0
        if let u = obj["reviewerID"] as? String { fUsers.insert(u) }
        if let a = obj["asin"] as? String { fItems.insert(a) }
    }
    let foundation = Date().timeIntervalSince(t0), foundationCPU = IngestBenchClock.cpu() - c0
    precondition(fLines == lines && fTimeSum == timeSum && fUsers.count == users.count && fItems.count == items.count,
                 "the two parsers disagree")

    // 3. The whole amazon-2018 loader: parse, intern, 5-core, chronological sort.
    c0 = IngestBenchClock.cpu()
    t0 = Date()
    let data = try Amazon2018Dataset(config: .init(reviews: path, kCore: 5)).load()
    let loader = Date().timeIntervalSince(t0), loaderCPU = IngestBenchClock.cpu() - c0

    print(String(format: "  %d lines, %d users, %d items", lines, users.count, items.count))
    print("                                            wall MB/s   CPU MB/s")
    print(String(format: "  json-c streaming (3 fields + interning) : %8.1f   %8.1f", mb / jsonc, mb / jsoncCPU))
    print(String(format: "  Foundation JSONSerialization (same)     : %8.1f   %8.1f", mb / foundation, mb / foundationCPU))
    print(String(format: "  ratio json-c / Foundation               : %8.2fx  %8.2fx", foundation / jsonc, foundationCPU / jsoncCPU))
    print(String(format: "  amazon-2018 loader, 5-core + time order : %8.1f   %8.1f   (%d users, %d items, %d interactions)",
                 mb / loader, mb / loaderCPU, data.userCount, data.itemCount, data.interactionCount))
}

/// The generated benchmark file: deterministic (SplitMix64, seed 2018), reused when already the right size.
enum IngestBenchFile {
    static func ensure(path: String, megabytes: Int) throws -> Int {
        let target = megabytes * 1_048_576
        let existing = LineReader.fileSize(path)
        if existing >= target && existing < target + 8 * 1_048_576 { return existing }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else {
            throw DatasetError.cannotOpen(file: path, reason: "cannot write the benchmark file")
        }
        defer { try? out.close() }
        var rng = SplitMix64(seed: 2018)
        let words = ["great", "product", "love", "this", "skin", "smells", "nice", "works", "well", "price", "would",
                     "buy", "again", "not", "worth", "it", "\\\"best\\\"", "ever", "caf\\u00e9", "soft", "hair", "bottle",
                     "small", "size", "quality", "shipping", "fast", "color", "lasts", "all", "day", "recommend"]
        let names = ["Shelly F", "Amazon Customer", "J. Smith", "Kathy", "Ren\\u00e9e", "Mike O'Neil"]
        var written = 0
        var chunk = ""
        chunk.reserveCapacity(1 << 22)
        while written < target {
            let user = Int(pow((Double(rng.next() >> 11) * 0x1.0p-53), 1.5) * 40_000)
            let item = Int(pow((Double(rng.next() >> 11) * 0x1.0p-53), 2) * 15_000)
            var text = ""
            for k in 0..<(10 + Int(rng.next() % 90)) {
                if k > 0 { text += k % 17 == 0 ? ".\\n" : " " }
                text += words[Int(rng.next() % UInt64(words.count))]
            }
            let time = 1_300_000_000 + Int(rng.next() % 250_000_000)
            chunk += "{\"overall\": \(1 + rng.next() % 5).0, \"verified\": \(rng.next() % 2 == 0), \"reviewTime\": \"09 1, 2016\", "
            chunk += "\"reviewerID\": \"A\(String(user, radix: 36, uppercase: true))X\(user % 97)\", \"asin\": \"B00\(String(item, radix: 36, uppercase: true))\", "
            chunk += "\"style\": {\"Size:\": \" \(1 + rng.next() % 16).0 oz\"}, \"reviewerName\": \"\(names[Int(rng.next() % UInt64(names.count))])\", "
            chunk += "\"reviewText\": \"\(text)\", \"summary\": \"Five Stars\", \"unixReviewTime\": \(time), \"vote\": \"\(rng.next() % 20)\"}\n"
            if chunk.utf8.count > (1 << 22) - 4096 {
                written += chunk.utf8.count
                out.write(Data(chunk.utf8))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { written += chunk.utf8.count; out.write(Data(chunk.utf8)) }
        return written
    }
}

enum IngestBenchClock {
    /// CPU seconds used by this process so far.
    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
