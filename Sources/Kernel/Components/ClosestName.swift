// "did you mean…?" for every name a user types: component names, config keys, manifest keys, stage keys.
// Levenshtein distance; a suggestion is offered only when it is plausibly a typo (distance ≤ max(2, n/3)).
public enum ClosestName {
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate to `name`, if it is close enough to be a likely typo (ties: first in order),
    /// or else the first candidate that `name` abbreviates ("timeout" → "timeout_seconds").
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        if let typo = closeTypo(for: name, among: candidates) { return typo }
        let n = name.lowercased()
        guard n.count >= 3 else { return nil }
        return candidates.first { $0.lowercased().hasPrefix(n) }
    }

    static func closeTypo(for name: String, among candidates: [String]) -> String? {
        var best: (String, Int)?
        for c in candidates {
            let d = distance(name, c)
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (candidate, d) = best else { return nil }
        return d <= max(2, name.count / 3) ? candidate : nil
    }

    /// "did you mean 'textual'? known: a, b, c" — the advice tail every unknown-name error ends with.
    public static func advice(for name: String, among candidates: [String], noun: String = "known") -> String {
        let list = candidates.isEmpty ? "(none)" : candidates.joined(separator: ", ")
        if let s = suggestion(for: name, among: candidates) { return "did you mean '\(s)'? \(noun): \(list)" }
        return "\(noun): \(list)"
    }
}
