// One lint result for the run report: which rule, how bad, how many users/items/samples, and a few examples
// so the user can look at the offending lines.

public struct LintFinding: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        case info, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var rule: String          // e.g. "sorted-by-id", "target-in-user-id"
    public var count: Int            // offending users / items / samples
    public var message: String       // what it means and what to do
    public var examples: [String]    // a few offenders (raw ids)

    public init(severity: Severity, rule: String, count: Int, message: String, examples: [String] = []) {
        self.severity = severity
        self.rule = rule
        self.count = count
        self.message = message
        self.examples = examples
    }

    public var description: String {
        let ex = examples.isEmpty ? "" : " (e.g. \(examples.joined(separator: ", ")))"
        return "\(severity.rawValue): \(rule): \(count): \(message)\(ex)"
    }
}
