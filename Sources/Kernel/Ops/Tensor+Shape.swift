// Moving values around: reshape (free), permute, concat / slice / split along an axis.
// Each backward routes dy back to where the values came from.

extension Tensor {
    /// Same values, new shape (one dimension may be -1). Shares storage until written.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var s = newShape
        if let i = s.firstIndex(of: -1) {
            let known = s.enumerated().filter { $0.offset != i }.reduce(1) { $0 * $1.element }
            s[i] = count / max(known, 1)
        }
        precondition(s.reduce(1, *) == count, "cannot reshape \(shape) to \(newShape)")
        let x = self
        return Tensor(shape: s, data: data, parents: [x]) { t in x.accumulate(t.grad!) }
    }

    /// Axes reordered: y.shape[i] = x.shape[axes[i]].
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(axes.sorted() == Array(0..<rank), "permutation \(axes) does not fit rank \(rank)")
        let x = self
        let outShape = axes.map { shape[$0] }
        if axes == [0, 2, 1, 3] { return swappingMiddleAxes() }
        let map = Tensor.permutationMap(shape: shape, axes: axes)  // y[i] = x[map[i]]
        var y = [Float].uninitialized(count)
        for i in 0..<count { y[i] = data[map[i]] }
        return Tensor(shape: outShape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in for i in 0..<dy.count { g[map[i]] += dy[i] } }
        }
    }

    /// Swaps the last two axes.
    public func transposedLast() -> Tensor {
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    static func permutationMap(shape: [Int], axes: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        for i in stride(from: shape.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * shape[i + 1] }
        return Broadcast.stridedIndexMap(shape: axes.map { shape[$0] }, strides: axes.map { strides[$0] })
    }

    /// Joins tensors that agree on every axis but `axis`.
    public static func concat(_ parts: [Tensor], axis rawAxis: Int) -> Tensor {
        precondition(!parts.isEmpty, "concat of nothing")
        let first = parts[0]
        let axis = rawAxis < 0 ? first.rank + rawAxis : rawAxis
        let outer = first.shape[..<axis].reduce(1, *), inner = first.shape[(axis + 1)...].reduce(1, *)
        for p in parts {
            precondition(p.rank == first.rank && p.shape[..<axis] == first.shape[..<axis] && p.shape[(axis + 1)...] == first.shape[(axis + 1)...],
                         "concat along axis \(axis): shapes \(parts.map(\.shape)) differ elsewhere")
        }
        let sizes = parts.map { $0.shape[axis] }
        let total = sizes.reduce(0, +)
        var y = [Float].uninitialized(outer * total * inner)
        var offset = 0
        for (p, a) in zip(parts, sizes) {
            for o in 0..<outer {
                let src = o * a * inner, dst = (o * total + offset) * inner
                for i in 0..<(a * inner) { y[dst + i] = p.data[src + i] }
            }
            offset += a
        }
        var outShape = first.shape
        outShape[axis] = total
        return Tensor(shape: outShape, data: y, parents: parts) { t in
            let dy = t.grad!
            var offset = 0
            for (p, a) in zip(parts, sizes) {
                if p.requiresGrad {
                    p.accumulate { g in
                        for o in 0..<outer {
                            let dst = o * a * inner, src = (o * total + offset) * inner
                            for i in 0..<(a * inner) { g[dst + i] += dy[src + i] }
                        }
                    }
                }
                offset += a
            }
        }
    }

    /// Elements `range` along `axis`.
    public func slice(axis rawAxis: Int, _ range: Range<Int>) -> Tensor {
        let axis = rawAxis < 0 ? rank + rawAxis : rawAxis
        let a = shape[axis]
        precondition(range.lowerBound >= 0 && range.upperBound <= a, "slice \(range) out of 0..<\(a) on axis \(axis)")
        let x = self
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let w = range.count
        var y = [Float].uninitialized(outer * w * inner)
        for o in 0..<outer {
            let src = (o * a + range.lowerBound) * inner, dst = o * w * inner
            for i in 0..<(w * inner) { y[dst + i] = data[src + i] }
        }
        var outShape = shape
        outShape[axis] = w
        return Tensor(shape: outShape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in
                for o in 0..<outer {
                    let dst = (o * a + range.lowerBound) * inner, src = o * w * inner
                    for i in 0..<(w * inner) { g[dst + i] += dy[src + i] }
                }
            }
        }
    }

    /// Consecutive pieces of the given sizes along `axis`.
    public func split(axis: Int, sizes: [Int]) -> [Tensor] {
        var start = 0
        return sizes.map { s in
            defer { start += s }
            return slice(axis: axis, start..<(start + s))
        }
    }

    /// [A, B, C, D] → [A, C, B, D] by whole rows of D: the attention head split/merge ([B,T,H,K] ↔ [B,H,T,K]),
    /// without an index map. Its own inverse, so the backward is the same copy.
    private func swappingMiddleAxes() -> Tensor {
        let x = self
        let (a, b, c, d) = (shape[0], shape[1], shape[2], shape[3])
        var y = [Float].uninitialized(count)
        data.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { yp in
            guard let src = xp.baseAddress, let dst = yp.baseAddress else { return }
            Parallel.forEach(a * b, minimumWork: c * d) { ij in
                let i = ij / b, j = ij % b
                for k in 0..<c {
                    (dst + ((i * c + k) * b + j) * d).update(from: src + ((i * b + j) * c + k) * d, count: d)
                }
            }
        } }
        return Tensor(shape: [a, c, b, d], data: y, parents: [x]) { t in
            let dy = t.grad!
            // dy is laid out [A, C, B, D]; route it back to [A, B, C, D].
            guard !dy.isEmpty else { return x.accumulate(dy) }
            x.accumulate(assigningIfFresh: { dst, fresh in
                dy.withUnsafeBufferPointer { dp in
                    let src = dp.baseAddress!
                    Parallel.forEach(a * c, minimumWork: b * d) { ik in
                        let i = ik / c, k = ik % c
                        for j in 0..<b {
                            let s = src + ((i * c + k) * b + j) * d, t = dst + ((i * b + j) * c + k) * d
                            if fresh { t.update(from: s, count: d) } else { for e in 0..<d { t[e] += s[e] } }
                        }
                    }
                }
            })
        }
    }
}
