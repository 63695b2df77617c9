// Embedding lookup: gather rows of a table; the backward scatter-adds into the rows that were read
// (a token used twice gets both gradients). Shapes: table [V, D], ids [N] → [N, D] (or `shape` + [D]).

extension Tensor {
    public func gatherRows(_ ids: [Int], shape outShape: [Int]? = nil) -> Tensor {
        let table = self
        precondition(rank == 2, "gatherRows needs a [V, D] table, got \(shape)")
        let v = shape[0], d = shape[1]
        var y = [Float].uninitialized(ids.count * d)
        for (r, id) in ids.enumerated() {
            precondition(id >= 0 && id < v, "token id \(id) outside the vocabulary of \(v)")
            for i in 0..<d { y[r * d + i] = data[id * d + i] }
        }
        let s = (outShape ?? [ids.count]) + [d]
        return Tensor(shape: s, data: y, parents: [table]) { t in
            let dy = t.grad!
            table.accumulate { g in
                for (r, id) in ids.enumerated() {
                    for i in 0..<d { g[id * d + i] += dy[r * d + i] }
                }
            }
        }
    }
}
