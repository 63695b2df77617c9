// External-plugin bridge cost: item IDs for a whole catalog through the C ABI (Examples/plugins/hashed_ngrams.c,
// compiled here with cc) and through a subprocess (Examples/plugins/title_words.py), beside the floor every
// bridge pays in the same run — serializing the request and parsing a reply of the same size with json-c.
//
//   idgenrec-bench plugins [--data ../shared/data/beauty/item_plain_text.txt] [--items 12000] [--repeat 3]
//   (without the data file, a deterministic catalog of --items titles is generated)
//
// Measured on 2 cores (Beauty, 12000 items): floor 0.196 s, C library 0.252 s (1.3x), Python 0.353 s (1.8x).
import Foundation
import IDGenHost

public func runPluginBridgeBench(args: [String]) throws {
    var data = "../shared/data/beauty/item_plain_text.txt"
    var items = 12000
    var repeats = 3
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : ""
        switch args[i] {
        case "--data": data = value
        case "--items": items = Int(value) ?? items
        case "--repeat": repeats = Int(value) ?? repeats
        default: throw ValidationProblem("idgenrec-bench plugins", "unknown option \(args[i]); known: --data, --items, --repeat")
        }
        i += 2
    }
    let catalog = benchCatalog(path: data, count: items)
    let input = ItemIDInput(catalog: catalog, trainingSequences: [], seed: 42)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("idgenrec-bench-plugins-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let cc = Process()
    cc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    cc.arguments = ["cc", "-O2", "-shared", "-fPIC", "-I", root.appendingPathComponent("include").path,
                    root.appendingPathComponent("Examples/plugins/hashed_ngrams.c").path, "-o", dir.appendingPathComponent("libhashed.so").path, "-ljson-c", "-lm"]
    try cc.run()
    cc.waitUntilExit()
    guard cc.terminationStatus == 0 else { print("plugins bench: cc failed; skipped"); return }
    let manifest = dir.appendingPathComponent("plugins.json")
    try """
    {"plugins": [{"name": "hashed-ngrams", "kind": "item-ids", "summary": "c", "library": "libhashed.so"},
                 {"name": "title-words", "kind": "item-ids", "summary": "py", "command": ["python3", "\(root.appendingPathComponent("Examples/plugins/title_words.py").path)"]}]}
    """.write(to: manifest, atomically: true, encoding: .utf8)
    let registry = try ComponentRegistry.load(extra: [manifest], root: nil)

    func best(_ body: () throws -> Void) rethrows -> Double {
        var t = Double.infinity
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            t = min(t, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return t
    }
    // The floor: the request as the bridges send it, and a reply of N short ids, through json-c and back.
    let request = JSONValue.array(catalog.map { .object([("raw_id", .string($0.rawID)), ("text", .string($0.text)), ("fields", .object([]))]) })
    let reply = JSONValue.object([("ids", .array(catalog.indices.map { .string("item words \($0)") }))])
    let floor = try best {
        _ = try JSONValue.parse(request.serialized())
        _ = try JSONValue.parse(reply.serialized())
    }
    let library = try registry.make(ItemIDStrategy.self, .itemIDs, "hashed-ngrams")
    let libraryTime = try best { _ = try library.assign(input) }
    print(String(format: "%d items (%@), best of %d", catalog.count, FileManager.default.fileExists(atPath: data) ? data : "generated", repeats))
    print(String(format: "  json-c round trip of request + reply (floor): %.3f s", floor))
    print(String(format: "  C library hashed-ngrams assign:                %.3f s  (%.1fx floor)", libraryTime, libraryTime / floor))
    do {
        let startUp = DispatchTime.now().uptimeNanoseconds
        let subprocess = try registry.make(ItemIDStrategy.self, .itemIDs, "title-words")
        _ = try subprocess.assign(input)                   // starts the process once per run
        let firstCall = Double(DispatchTime.now().uptimeNanoseconds - startUp) / 1e9
        let subprocessTime = try best { _ = try subprocess.assign(input) }
        print(String(format: "  Python subprocess title-words assign:          %.3f s  (%.1fx floor; first call with start-up %.3f s)",
                     subprocessTime, subprocessTime / floor, firstCall))
    } catch {
        print("  Python subprocess title-words: skipped (\(error))")
    }
    registry.bridges.shutdown()
}

/// Item texts from an item_plain_text.txt (`<item id> <text>` per line), or a generated catalog.
func benchCatalog(path: String, count: Int) -> [CatalogItem] {
    if let text = try? String(contentsOfFile: path, encoding: .utf8) {
        return text.split(separator: "\n").prefix(count).map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return CatalogItem(rawID: String(parts[0]), text: parts.count > 1 ? String(parts[1]) : "")
        }
    }
    let words = ["rose", "oud", "musk", "amber", "cedar", "vanilla", "citrus", "lotion", "serum", "cream", "oil", "mist",
                 "calvin", "klein", "attar", "provence", "deluxe", "travel", "night", "day", "hydrating", "matte"]
    var state: UInt64 = 42
    func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
    return (0..<count).map { i in
        let title = (0..<(3 + next() % 4)).map { _ in words[next() % words.count] }.joined(separator: " ")
        return CatalogItem(rawID: "I\(i)", text: "title: \(title); brand: \(words[next() % words.count])")
    }
}
