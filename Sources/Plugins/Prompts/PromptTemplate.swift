// One prompt template in the IDGenRec / OpenP5 prompt-file format, one template a line:
//   task; seen|unseen; input template; output template
//   sequential; seen; {dataset} user {user_id} has purchased items {history} , what is next ?; {dataset} {target}
// Placeholders: {user_id}, {history} (the history item IDs joined by the separator, " ; " in the reference),
// {target} (the target item ID) and {dataset}. The input must hold {history} and never {target} (it would be
// the answer); the output must hold {target}.

public struct PromptTemplateError: Error, CustomStringConvertible, Equatable {
    /// `file:line` or `inline template N`.
    public var location: String
    public var reason: String

    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }

    public var description: String { "\(location): \(reason)" }
}

public struct PromptTemplate: Equatable, Sendable {
    public enum Placeholder: String, CaseIterable, Sendable {
        case userID = "user_id", history, target, dataset
    }

    public enum Part: Equatable, Sendable {
        case text(String)
        case placeholder(Placeholder)
    }

    public var task: String
    public var seen: Bool                // `seen` (users in training) or `unseen` templates of the reference
    public var input: [Part]
    public var output: [Part]
    public var location: String

    /// Parses and validates one template; `location` names it in errors.
    public init(task: String = "sequential", seen: Bool = true, input: String, output: String, location: String) throws {
        self.task = task
        self.seen = seen
        self.location = location
        self.input = try PromptTemplate.parts(input, field: "input", location: location)
        self.output = try PromptTemplate.parts(output, field: "output", location: location)
        guard self.input.contains(.placeholder(.history)) else {
            throw PromptTemplateError(location: location, reason: "the input template has no {history}: the model would not see the user's items")
        }
        guard !self.input.contains(.placeholder(.target)) else {
            throw PromptTemplateError(location: location, reason: "the input template holds {target}: the prompt would contain the answer")
        }
        guard self.output.contains(.placeholder(.target)) else {
            throw PromptTemplateError(location: location, reason: "the output template has no {target}: there would be nothing to predict")
        }
    }

    /// Parses a prompt-file line `task; seen|unseen; input; output`.
    public init(line: String, location: String) throws {
        let fields = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard fields.count == 4 else {
            throw PromptTemplateError(location: location,
                                      reason: "expected 4 fields `task; seen|unseen; input template; output template`, found \(fields.count) (a ';' inside a template is not allowed)")
        }
        guard fields[1] == "seen" || fields[1] == "unseen" else {
            throw PromptTemplateError(location: location, reason: "second field must be `seen` or `unseen`, found '\(fields[1])'")
        }
        guard !fields[0].isEmpty else { throw PromptTemplateError(location: location, reason: "empty task name") }
        try self.init(task: fields[0], seen: fields[1] == "seen", input: fields[2], output: fields[3], location: location)
    }

    /// The filled-in (input, output) texts.
    public func render(userID: String, history: [String], target: String, dataset: String,
                       separator: String = " ; ") -> PromptPair {
        func fill(_ parts: [Part]) -> String {
            var out = ""
            for part in parts {
                switch part {
                case let .text(t): out += t
                case .placeholder(.userID): out += userID
                case .placeholder(.history): out += history.joined(separator: separator)
                case .placeholder(.target): out += target
                case .placeholder(.dataset): out += dataset
                }
            }
            return out
        }
        return PromptPair(input: fill(input), output: fill(output))
    }

    static func parts(_ text: String, field: String, location: String) throws -> [Part] {
        var parts: [Part] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw PromptTemplateError(location: location, reason: "unclosed '{' in the \(field) template")
            }
            let name = String(rest[rest.index(after: open)..<close])
            guard let p = Placeholder(rawValue: name) else {
                let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                throw PromptTemplateError(location: location, reason: "unknown placeholder {\(name)} in the \(field) template; known: \(known)")
            }
            parts.append(.placeholder(p))
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") { throw PromptTemplateError(location: location, reason: "'}' without '{' in the \(field) template") }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return parts
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
