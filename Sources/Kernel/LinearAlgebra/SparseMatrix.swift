// A compressed-sparse-row matrix of Float: item co-occurrence graphs (collaborative IDs) and TF-IDF
// document-term matrices (RQ codes) are far too sparse to hold densely (Beauty: 12,101² floats = 586 MB),
// so the solvers only ever multiply them with thin dense blocks.
//
// Legend: R rows, C columns, B block width (columns of a dense operand), all dense blocks row-major.

public struct SparseMatrix: Sendable {
    public let rows: Int
    public let columns: Int
    public private(set) var rowStart: [Int]      // [R + 1]
    public private(set) var columnIndex: [Int]   // [nnz]
    public private(set) var values: [Float]      // [nnz]

    public var nonZeroCount: Int { values.count }

    /// Builds from (row, column, value) entries; duplicates are summed, zero sums kept out.
    public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Float)]) {
        self.rows = rows
        self.columns = columns
        var counts = [Int](repeating: 0, count: rows + 1)
        for e in entries { counts[e.row + 1] += 1 }
        for r in 0..<rows { counts[r + 1] += counts[r] }
        var cursor = counts
        var cols = [Int](repeating: 0, count: entries.count)
        var vals = [Float](repeating: 0, count: entries.count)
        for e in entries {
            cols[cursor[e.row]] = e.column
            vals[cursor[e.row]] = e.value
            cursor[e.row] += 1
        }
        // Sort each row by column and merge duplicates.
        var start = [0]
        start.reserveCapacity(rows + 1)
        var outCols: [Int] = []
        var outVals: [Float] = []
        outCols.reserveCapacity(entries.count)
        outVals.reserveCapacity(entries.count)
        for r in 0..<rows {
            let range = counts[r]..<counts[r + 1]
            let order = range.sorted { cols[$0] < cols[$1] }
            var i = 0
            while i < order.count {
                let c = cols[order[i]]
                var v: Float = 0
                while i < order.count && cols[order[i]] == c { v += vals[order[i]]; i += 1 }
                if v != 0 { outCols.append(c); outVals.append(v) }
            }
            start.append(outCols.count)
        }
        rowStart = start
        columnIndex = outCols
        values = outVals
    }

    /// Row sums (the degree vector of a graph).
    public func rowSums() -> [Float] {
        (0..<rows).map { r in values[rowStart[r]..<rowStart[r + 1]].reduce(0, +) }
    }

    /// The principal submatrix on `indices` (a subgraph), renumbered 0..<indices.count. Square matrices only.
    public func submatrix(_ indices: [Int]) -> SparseMatrix {
        precondition(rows == columns, "submatrix of a non-square \(rows)×\(columns) matrix")
        var position = [Int: Int](minimumCapacity: indices.count)
        for (p, i) in indices.enumerated() { position[i] = p }
        var entries: [(row: Int, column: Int, value: Float)] = []
        for (p, i) in indices.enumerated() {
            for z in rowStart[i]..<rowStart[i + 1] {
                if let q = position[columnIndex[z]] { entries.append((p, q, values[z])) }
            }
        }
        return SparseMatrix(rows: indices.count, columns: indices.count, entries: entries)
    }

    /// self · X, X: [C, B] → [R, B].
    public func multiply(_ x: [Float], width b: Int) -> [Float] {
        precondition(x.count == columns * b)
        var y = [Float](repeating: 0, count: rows * b)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                for r in 0..<rows {
                    let out = r * b
                    for z in rowStart[r]..<rowStart[r + 1] {
                        let v = values[z], src = columnIndex[z] * b
                        for c in 0..<b { yp[out + c] += v * xp[src + c] }
                    }
                }
            }
        }
        return y
    }

    /// selfᵀ · Y, Y: [R, B] → [C, B].
    public func transposeMultiply(_ y: [Float], width b: Int) -> [Float] {
        precondition(y.count == rows * b)
        var x = [Float](repeating: 0, count: columns * b)
        y.withUnsafeBufferPointer { yp in
            x.withUnsafeMutableBufferPointer { xp in
                for r in 0..<rows {
                    let src = r * b
                    for z in rowStart[r]..<rowStart[r + 1] {
                        let v = values[z], out = columnIndex[z] * b
                        for c in 0..<b { xp[out + c] += v * yp[src + c] }
                    }
                }
            }
        }
        return x
    }
}
