// The pattern of a `Replace` normalizer or decoder: a literal string, or the small regex subset that HF's
// sentencepiece converters emit (`\A +| +\z`, ` {2,}`, `\A▁`): literal characters (escapes allowed), the anchors
// `\A` and `\z`, the quantifiers `*` `+` `?` `{n}` `{n,}` `{n,m}` (greedy), and `|`. Anything else (classes, groups,
// `.`) is refused with a typed error naming the field, rather than matched differently from Oniguruma.
// Matches are found left to right, non-overlapping, alternatives tried in order, as Oniguruma's find_iter does.
struct ReplacePattern {
    enum Atom: Equatable { case literal([UInt8]), textStart, textEnd }
    struct Term { let atom: Atom; let min: Int; let max: Int }

    let alternatives: [[Term]]

    static func literal(_ s: String) -> ReplacePattern {
        ReplacePattern(alternatives: [[Term(atom: .literal(Array(s.utf8)), min: 1, max: 1)]])
    }

    /// Parses the `Regex` form; `field` names the pattern in errors.
    static func regex(_ source: String, reader: TokenizerFileReader, field: String) throws -> ReplacePattern {
        let chars = Array(source.unicodeScalars)
        var alternatives: [[Term]] = [[]]
        var i = 0
        func fail(_ what: String) -> TokenizerError {
            reader.unsupported(field, "regex \(source) (\(what))",
                               ["literal characters", "\\A", "\\z", "* + ? {n} {n,} {n,m}", "|"])
        }
        while i < chars.count {
            let c = chars[i]
            var atom: Atom
            switch c {
            case "|": alternatives.append([]); i += 1; continue
            case "\\":
                guard i + 1 < chars.count else { throw reader.invalid(field, "regex '\(source)' ends with a lone backslash") }
                let e = chars[i + 1]
                i += 2
                switch e {
                case "A": atom = .textStart
                case "z": atom = .textEnd
                case "n": atom = .literal([10])
                case "t": atom = .literal([9])
                case "r": atom = .literal([13])
                default:
                    if e.properties.isAlphabetic || ("0"..."9").contains(e) { throw fail("escape \\\(e)") }
                    atom = .literal(Array(String(e).utf8))
                }
            case ".", "[", "]", "(", ")", "^", "$", "{", "}", "*", "+", "?":
                throw fail("metacharacter \(c)")
            default:
                atom = .literal(Array(String(c).utf8)); i += 1
            }
            var lo = 1, hi = 1
            if i < chars.count {
                switch chars[i] {
                case "*": lo = 0; hi = Int.max; i += 1
                case "+": lo = 1; hi = Int.max; i += 1
                case "?": lo = 0; hi = 1; i += 1
                case "{":
                    guard let close = chars[i...].firstIndex(of: "}") else { throw fail("unclosed {") }
                    let body = String(String.UnicodeScalarView(chars[(i + 1)..<close]))
                    let parts = body.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    guard parts.count <= 2, let a = Int(parts[0]) else { throw fail("quantifier {\(body)}") }
                    lo = a
                    hi = parts.count == 1 ? a : (parts[1].isEmpty ? Int.max : (Int(parts[1]) ?? -1))
                    guard hi >= lo else { throw fail("quantifier {\(body)}") }
                    i = close + 1
                default: break
                }
            }
            if atom != .literal([]) { alternatives[alternatives.count - 1].append(Term(atom: atom, min: lo, max: hi)) }
        }
        guard !alternatives.contains(where: { $0.isEmpty }) else { throw reader.invalid(field, "regex '\(source)' has an empty alternative") }
        return ReplacePattern(alternatives: alternatives)
    }

    /// End of a match of `terms[k...]` starting at `pos`, backtracking greedily.
    private func match(_ terms: [Term], _ k: Int, _ s: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int? {
        if k == terms.count { return pos }
        let t = terms[k]
        switch t.atom {
        case .textStart: return pos == 0 ? match(terms, k + 1, s, pos) : nil
        case .textEnd: return pos == s.count ? match(terms, k + 1, s, pos) : nil
        case let .literal(lit):
            var ends = [pos]
            var p = pos
            while ends.count - 1 < t.max, p + lit.count <= s.count, zip(lit.indices, lit).allSatisfy({ s[p + $0] == $1 }) {
                p += lit.count
                ends.append(p)
            }
            var reps = ends.count - 1
            while reps >= t.min {
                if let e = match(terms, k + 1, s, ends[reps]) { return e }
                reps -= 1
            }
            return nil
        }
    }

    /// `text` with every match replaced by `content`; with `origins`, also the origin of each output byte (the
    /// replacement takes the origin of the first byte it replaces, as HF aligns it).
    func replacingAll(in text: [UInt8], with content: [UInt8], origins: [Int32]? = nil) -> ([UInt8], [Int32]?) {
        text.withUnsafeBufferPointer { s in
            var out: [UInt8] = []
            out.reserveCapacity(s.count)
            var outOrigins: [Int32]? = origins == nil ? nil : []
            var pos = 0
            while pos <= s.count {
                var end: Int?
                for alt in alternatives { if let e = match(alt, 0, s, pos), e > pos { end = e; break } }
                if let end {
                    out.append(contentsOf: content)
                    if let o = origins { outOrigins!.append(contentsOf: repeatElement(o[pos], count: content.count)) }
                    pos = end
                } else {
                    if pos < s.count {
                        out.append(s[pos])
                        if let o = origins { outOrigins!.append(o[pos]) }
                    }
                    pos += 1
                }
            }
            return (out, outOrigins)
        }
    }
}
