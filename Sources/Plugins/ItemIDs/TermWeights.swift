// TF-IDF over the catalog (Salton & Buckley 1988; smoothed idf as scikit-learn: ln((1+N)/(1+df)) + 1),
// computed on the field values of each item's text (field names dropped), stop words out. Shared by
// `keyword` (words in descending weight) and `rq-codes` (the sparse item × term matrix).
//
// Legend: N items, V vocabulary of the catalog.

import Foundation

public struct TermWeights {
    public let vocabulary: [String]            // [V] terms in order of first appearance in the catalog
    public let rows: [[(term: Int, weight: Float)]]  // [N] per item, its terms and tf-idf weights, l2-normalized

    public init(catalog: [CatalogItem], stopWords: Set<String> = StopWords.english, minLength: Int = 2) {
        var index: [String: Int] = [:]
        var vocabulary: [String] = []
        var counts: [[(Int, Int)]] = []                 // per item: (term, count) in order of first occurrence
        var df: [Int] = []
        for item in catalog {
            var local: [Int: Int] = [:]
            var order: [Int] = []
            for w in ItemText.words(ItemText.fieldValues(of: item)) where w.count >= minLength && !stopWords.contains(w) {
                let t: Int
                if let e = index[w] { t = e } else { t = vocabulary.count; index[w] = t; vocabulary.append(w); df.append(0) }
                if local[t] == nil { order.append(t); df[t] += 1 }
                local[t, default: 0] += 1
            }
            counts.append(order.map { ($0, local[$0]!) })
        }
        let n = Float(catalog.count)
        let idf = df.map { logf((1 + n) / (1 + Float($0))) + 1 }
        self.vocabulary = vocabulary
        self.rows = counts.map { row in
            let raw = row.map { (term: $0.0, weight: Float($0.1) * idf[$0.0]) }
            let norm = raw.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            return norm > 0 ? raw.map { (term: $0.term, weight: $0.weight / norm) } : raw
        }
    }

    /// The item's words, most salient first (ties: earlier in the text first).
    public func rankedWords(of item: Int) -> [String] {
        rows[item].enumerated()
            .sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }
            .map { vocabulary[$0.element.term] }
    }

    /// The N × V sparse matrix of weights.
    public func matrix() -> SparseMatrix {
        var entries: [(row: Int, column: Int, value: Float)] = []
        for (i, row) in rows.enumerated() { for e in row { entries.append((i, e.term, e.weight)) } }
        return SparseMatrix(rows: rows.count, columns: max(1, vocabulary.count), entries: entries)
    }
}
