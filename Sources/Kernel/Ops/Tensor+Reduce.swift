// Sums and means over one axis (or everything). Backward spreads dy back over the reduced axis.
// Shapes: x [outer, A, inner] → y [outer, inner] (axis removed, or kept as 1 with keepDims).

extension Tensor {
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor { reduce(axis: axis, keepDims: keepDims, mean: false) }
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor { reduce(axis: axis, keepDims: keepDims, mean: true) }

    public func sum() -> Tensor { reshaped([count]).sum(axis: 0) }
    public func mean() -> Tensor { reshaped([count]).mean(axis: 0) }

    private func reduce(axis rawAxis: Int, keepDims: Bool, mean: Bool) -> Tensor {
        let x = self
        let axis = rawAxis < 0 ? rank + rawAxis : rawAxis
        precondition(axis >= 0 && axis < rank, "axis \(rawAxis) out of range for shape \(shape)")
        let a = shape[axis]
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let s: Float = mean ? 1 / Float(a) : 1
        var y = [Float](repeating: 0, count: outer * inner)
        for o in 0..<outer {
            for j in 0..<a {
                let base = (o * a + j) * inner
                for i in 0..<inner { y[o * inner + i] += x.data[base + i] }
            }
        }
        if mean { for i in 0..<y.count { y[i] *= s } }
        var outShape = shape
        if keepDims { outShape[axis] = 1 } else { outShape.remove(at: axis) }
        return Tensor(shape: outShape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in
                for o in 0..<outer {
                    for j in 0..<a {
                        let base = (o * a + j) * inner
                        for i in 0..<inner { g[base + i] += s * dy[o * inner + i] }
                    }
                }
            }
        }
    }
}
