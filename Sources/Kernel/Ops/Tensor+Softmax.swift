// Softmax and log-softmax over the last axis, rows spread over the cores.
//   softmax:     y = e^(x−max)/Σ,     dx = y ⊙ (dy − Σ dy·y)
//   log-softmax: y = x − max − log Σ, dx = dy − softmax(x)·Σ dy
import Foundation

extension Tensor {
    public func softmax() -> Tensor {
        let x = self
        let v = shape.last!, rows = count / max(v, 1)
        var y = [Float].uninitialized(count)
        y.withUnsafeMutableBufferPointer { yp in x.data.withUnsafeBufferPointer { xp in
            let Y = yp.baseAddress!, X = xp.baseAddress!
            Parallel.forEach(rows, minimumWork: v * 8) { r in Tensor.softmaxRow(X + r * v, Y + r * v, v) }
        } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            guard rows * v > 0 else { return x.accumulate(dy) }
            x.accumulate(assigningIfFresh: { G, fresh in dy.withUnsafeBufferPointer { dp in t.data.withUnsafeBufferPointer { yp in
                let D = dp.baseAddress!, Y = yp.baseAddress!
                Parallel.forEach(rows, minimumWork: v * 4) { r in
                    let gr = G + r * v, dr = D + r * v, yr = Y + r * v
                    let dot = VectorKernels.dot(dr, yr, v)
                    if fresh { for i in 0..<v { gr[i] = yr[i] * (dr[i] - dot) } } else { for i in 0..<v { gr[i] += yr[i] * (dr[i] - dot) } }
                }
            } } })
        }
    }

    public func logSoftmax() -> Tensor {
        let x = self
        let v = shape.last!, rows = count / max(v, 1)
        var y = [Float].uninitialized(count)
        y.withUnsafeMutableBufferPointer { yp in x.data.withUnsafeBufferPointer { xp in
            let Y = yp.baseAddress!, X = xp.baseAddress!
            Parallel.forEach(rows, minimumWork: v * 8) { r in Tensor.logSoftmaxRow(X + r * v, Y + r * v, v) }
        } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in dy.withUnsafeBufferPointer { dp in t.data.withUnsafeBufferPointer { yp in
                guard let G = g.baseAddress, let D = dp.baseAddress, let Y = yp.baseAddress else { return }
                Parallel.forEach(rows, minimumWork: v * 8) { r in
                    let gr = G + r * v, dr = D + r * v, yr = Y + r * v
                    var s: Float = 0
                    for i in 0..<v { s += dr[i] }
                    for i in 0..<v { gr[i] += dr[i] - Foundation.exp(yr[i]) * s }
                }
            } } }
        }
    }

    @inline(__always)
    static func softmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ v: Int) {
        VectorKernels.softmax(x, y, v)                                   // max, e^(x − max), · 1/Σ
    }

    @inline(__always)
    static func logSoftmaxRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ v: Int) {
        let m = VectorKernels.max(x, v)
        let l = m + Foundation.log(VectorKernels.sumExp(x, v, shift: m))
        for i in 0..<v { y[i] = x[i] - l }
    }
}
