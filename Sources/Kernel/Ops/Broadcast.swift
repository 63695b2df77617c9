// NumPy broadcasting for the binary elementwise ops: shapes align on the right; a size-1 (or missing) axis
// repeats. `expand` materializes an operand at the output shape; `reduce` sums a gradient back down.

enum Broadcast {
    static func shape(_ a: [Int], _ b: [Int]) -> [Int] {
        let r = max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let x = i < r - a.count ? 1 : a[i - (r - a.count)]
            let y = i < r - b.count ? 1 : b[i - (r - b.count)]
            precondition(x == y || x == 1 || y == 1, "cannot broadcast shapes \(a) and \(b)")
            out[i] = max(x, y)
        }
        return out
    }

    /// For each output position, the flat index into a tensor of `shape` broadcast to `out`.
    static func indexMap(_ shape: [Int], to out: [Int]) -> [Int] {
        let r = out.count
        let padded = [Int](repeating: 1, count: r - shape.count) + shape
        var strides = [Int](repeating: 0, count: r)
        var s = 1
        for i in stride(from: r - 1, through: 0, by: -1) {
            strides[i] = padded[i] == 1 ? 0 : s
            s *= padded[i]
        }
        return stridedIndexMap(shape: out, strides: strides)
    }

    /// For every position of `shape` in row-major order, Σ index[d]·strides[d]: the flat source index of a
    /// strided view (broadcast: stride 0 on repeated axes; permutation: the source's strides reordered).
    static func stridedIndexMap(shape: [Int], strides: [Int]) -> [Int] {
        let n = shape.reduce(1, *), r = shape.count
        var map = [Int](repeating: 0, count: n)
        var idx = [Int](repeating: 0, count: r)
        var flat = 0
        for o in 0..<n {
            map[o] = flat
            var d = r - 1
            while d >= 0 {
                idx[d] += 1
                flat += strides[d]
                if idx[d] < shape[d] { break }
                flat -= strides[d] * idx[d]
                idx[d] = 0
                d -= 1
            }
        }
        return map
    }

    static func expand(_ values: [Float], _ shape: [Int], to out: [Int]) -> [Float] {
        if shape == out { return values }
        if values.count == 1 { return [Float](repeating: values[0], count: out.reduce(1, *)) }
        let map = indexMap(shape, to: out)
        return map.map { values[$0] }
    }

    /// Sums `grad` (laid out at `out`) into a buffer laid out at `shape`.
    static func reduce(_ grad: [Float], from out: [Int], into dst: UnsafeMutableBufferPointer<Float>, shape: [Int]) {
        if shape == out {
            for i in 0..<grad.count { dst[i] += grad[i] }
            return
        }
        if dst.count == 1 {
            var s: Float = 0
            for g in grad { s += g }
            dst[0] += s
            return
        }
        let map = indexMap(shape, to: out)
        for i in 0..<grad.count { dst[map[i]] += grad[i] }
    }
}
