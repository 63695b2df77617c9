// The settings two resolved configs (config.json) disagree on, as dotted paths with both values —
// "trainer.learning_rate: 0.001 → 0.0005" — for `--resume` (which refuses them) and `compare` (which says why
// it reruns a variant). Keys that say nothing about the run are left out: `output_dir` (the folder itself,
// however it was spelled) and `sources` (whether a value came from the file or from --set).
public struct ConfigDifference: Equatable, CustomStringConvertible {
    public var path: String
    public var old: JSONValue?     // nil: the key was absent
    public var new: JSONValue?

    public static let ignoredKeys: Set<String> = ["output_dir", "sources"]

    public var description: String { "\(path): \(Self.show(old)) → \(Self.show(new))" }

    static func show(_ v: JSONValue?) -> String { v.map { $0.serialized() } ?? "(absent)" }

    /// Every leaf on which `old` and `new` differ, in `new`'s key order (then keys only `old` has).
    public static func between(_ old: JSONValue, _ new: JSONValue) -> [ConfigDifference] {
        walk(old, new, path: "").filter { !ignoredKeys.contains(String($0.path.prefix { $0 != "." && $0 != "[" })) }
    }

    private static func walk(_ old: JSONValue?, _ new: JSONValue?, path: String) -> [ConfigDifference] {
        switch (old, new) {
        case let (.object(a)?, .object(b)?):
            let keys = b.map(\.0) + a.map(\.0).filter { k in !b.contains { $0.0 == k } }
            return keys.flatMap { k in
                walk(a.first { $0.0 == k }?.1, b.first { $0.0 == k }?.1, path: path.isEmpty ? k : "\(path).\(k)")
            }
        case let (.array(a)?, .array(b)?) where a.count == b.count:
            return zip(a, b).enumerated().flatMap { i, pair in walk(pair.0, pair.1, path: "\(path)[\(i)]") }
        default:
            return old == new ? [] : [ConfigDifference(path: path, old: old, new: new)]
        }
    }
}
