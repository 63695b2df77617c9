// `TableScorer`'s incremental decoder.
//
// Legend: B inputs, R rows of a step, V vocabulary, T input tokens.
/// The decoder state of a `TableScorer`: per row, which input it belongs to and the tokens decoded so far.
final class TableDecoder: IncrementalDecoder {
    let scorer: TableScorer
    let inputs: [[Int]]                          // [B][T]
    var rows: [(input: Int, prefix: [Int])] = [] // [R] of the last step; empty before the first
    var started = false

    init(scorer: TableScorer, inputs: [[Int]]) {
        self.scorer = scorer
        self.inputs = inputs
    }

    var vocabularySize: Int { scorer.vocabularySize }

    func step(parents: [Int], tokens: [Int]) -> [Float] {
        precondition(parents.count == tokens.count, "step: \(parents.count) parents but \(tokens.count) tokens")
        var next: [(input: Int, prefix: [Int])] = []
        next.reserveCapacity(parents.count)
        for (p, t) in zip(parents, tokens) {
            if !started {
                precondition(p >= 0 && p < inputs.count, "first step: parent \(p) is not an input index")
                precondition(t == scorer.decoderStartID, "first step must feed the decoder start token")
                next.append((p, []))
            } else {
                precondition(p >= 0 && p < rows.count, "step: parent row \(p) outside 0..<\(rows.count)")
                next.append((rows[p].input, rows[p].prefix + [t]))
            }
        }
        started = true
        rows = next
        scorer.record(rows: next.count)
        var out: [Float] = []
        out.reserveCapacity(next.count * scorer.vocabularySize)
        for r in next { out.append(contentsOf: scorer.logProbs(input: inputs[r.input], prefix: r.prefix)) }
        return out
    }
}
