// The `template-file` prompt component: templates from an IDGenRec/OpenP5 prompt file (`prompt.txt`) and/or
// inline in the experiment file, filtered by task and seen/unseen as the reference does. Each sample gets one
// template, chosen from the sample's index and the seed (the reference draws one at random per sample), or
// always the same one with `choice: fixed` (for tests and for reproducible evaluation prompts).
// Prompt files may hold `#` comment lines and blank lines.
import Foundation

public struct TemplateFilePrompts: PromptFormat {
    public enum Choice: String, Codable, Sendable { case random, fixed }

    public struct InlineTemplate: Codable, Equatable, Sendable {
        public var input: String
        public var output: String
        public init(input: String, output: String) { self.input = input; self.output = output }
    }

    public struct Config: ComponentConfig, Equatable, Sendable {
        /// A prompt file in the IDGenRec/OpenP5 format; optional when `templates` are given.
        public var path: String? = nil
        /// Inline templates (input/output pairs), used with or instead of the file.
        public var templates: [InlineTemplate] = []
        /// Which file lines apply: their task (first field) and seen/unseen (second field).
        public var task: String = "sequential"
        public var seen: Bool = true
        /// `random`: a seeded choice per sample; `fixed`: always template `fixed_index`.
        public var choice: Choice = .random
        public var seed: UInt64 = 42
        /// Joins history item IDs in {history} (" ; " in the reference).
        public var historySeparator: String = " ; "
        public var fixedIndex: Int = 0

        public init() {}

        public init(path: String? = nil, templates: [InlineTemplate] = [], task: String = "sequential", seen: Bool = true,
                    historySeparator: String = " ; ", choice: Choice = .random, fixedIndex: Int = 0, seed: UInt64 = 42) {
            self.path = path
            self.templates = templates
            self.task = task
            self.seen = seen
            self.historySeparator = historySeparator
            self.choice = choice
            self.fixedIndex = fixedIndex
            self.seed = seed
        }

        /// What is wrong without reading the prompt file (whether it has matching lines is checked on load).
        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(path != nil || !templates.isEmpty, "templates", "no templates: give `path` (a prompt file) or inline `templates`")
            c.require(fixedIndex >= 0, "fixed_index", "must be ≥ 0, got \(fixedIndex)")
            if path == nil, choice == .fixed {
                c.require(fixedIndex < templates.count, "fixed_index",
                          "is out of range (there are \(templates.count) templates)")
            }
            return c.problems
        }
    }

    public let config: Config
    /// The templates in use (file lines matching task and seen, then inline ones), in order.
    public let templates: [PromptTemplate]

    /// Reads and validates the templates now, so a bad prompt file fails before any work starts.
    public init(config: Config) throws {
        self.config = config
        var chosen: [PromptTemplate] = []
        if let path = config.path {
            let all = try TemplateFilePrompts.readFile(path)
            chosen = all.filter { $0.task == config.task && $0.seen == config.seen }
            if chosen.isEmpty {
                let have = Set(all.map { "\($0.task)/\($0.seen ? "seen" : "unseen")" }).sorted().joined(separator: ", ")
                throw PromptTemplateError(location: path,
                                          reason: "no template for task '\(config.task)' (\(config.seen ? "seen" : "unseen")); the file has: \(have)")
            }
        }
        for (i, t) in config.templates.enumerated() {
            chosen.append(try PromptTemplate(task: config.task, seen: config.seen, input: t.input, output: t.output,
                                             location: "inline template \(i + 1)"))
        }
        guard !chosen.isEmpty else {
            throw PromptTemplateError(location: "template-file prompt", reason: "no templates: give `path` (a prompt file) or inline `templates`")
        }
        guard config.choice == .random || chosen.indices.contains(config.fixedIndex) else {
            throw PromptTemplateError(location: "template-file prompt",
                                      reason: "fixed_index \(config.fixedIndex) is out of range (there are \(chosen.count) templates)")
        }
        templates = chosen
    }

    /// Every template line of a prompt file, validated; errors name file and line.
    public static func readFile(_ path: String) throws -> [PromptTemplate] {
        var out: [PromptTemplate] = []
        var failure: Error? = nil
        try LineReader(path: path).forEachLine { bytes, line in
            guard failure == nil else { return }
            let text = String(decoding: bytes, as: UTF8.self)
            let trimmed = Substring(text).trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            do { out.append(try PromptTemplate(line: text, location: "\(path):\(line)")) } catch { failure = error }
        }
        if let failure { throw failure }
        guard !out.isEmpty else { throw PromptTemplateError(location: path, reason: "the prompt file holds no templates") }
        return out
    }

    /// The template used for the sample at `index`.
    public func templateIndex(for index: Int) -> Int {
        if config.choice == .fixed { return config.fixedIndex }
        var g = SplitMix64.stream(config.seed, UInt64(truncatingIfNeeded: index))
        return Int(g.next() % UInt64(templates.count))
    }

    public func prompt(for sample: Sample, index: Int, itemIDs: [String], userID: String, dataset: String) -> PromptPair {
        templates[templateIndex(for: index)].render(userID: userID, history: sample.history.map { itemIDs[$0] },
                                                    target: itemIDs[sample.target], dataset: dataset,
                                                    separator: config.historySeparator)
    }
}
