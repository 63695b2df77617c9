// Elementwise arithmetic with broadcasting, each op's backward beside its forward.
//   add: da = dy, db = dy       sub: da = dy, db = -dy
//   mul: da = dy·b, db = dy·a   div: da = dy/b, db = -dy·a/b²     (then summed over broadcast axes)

extension Tensor {
    private func binary(_ b: Tensor, _ f: (Float, Float) -> Float,
                        backward: @escaping (_ dy: [Float], _ a: [Float], _ b: [Float]) -> (da: [Float]?, db: [Float]?)) -> Tensor {
        let a = self
        let out = Broadcast.shape(a.shape, b.shape)
        let n = out.reduce(1, *)
        var y = [Float](repeating: 0, count: n)
        if a.shape == b.shape {
            for i in 0..<n { y[i] = f(a.data[i], b.data[i]) }
        } else if b.shape == out && a.count == 1 {
            let x = a.data[0]; for i in 0..<n { y[i] = f(x, b.data[i]) }
        } else if a.shape == out && b.count == 1 {
            let x = b.data[0]; for i in 0..<n { y[i] = f(a.data[i], x) }
        } else {
            let ae = Broadcast.expand(a.data, a.shape, to: out), be = Broadcast.expand(b.data, b.shape, to: out)
            for i in 0..<n { y[i] = f(ae[i], be[i]) }
        }
        return Tensor(shape: out, data: y, parents: [a, b]) { t in
            let ae = Broadcast.expand(a.data, a.shape, to: out), be = Broadcast.expand(b.data, b.shape, to: out)
            let (da, db) = backward(t.grad!, ae, be)
            if a.requiresGrad, let da { a.accumulate { Broadcast.reduce(da, from: out, into: $0, shape: a.shape) } }
            if b.requiresGrad, let db { b.accumulate { Broadcast.reduce(db, from: out, into: $0, shape: b.shape) } }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, +) { dy, _, _ in (dy, dy) }
    }

    public static func - (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, -) { dy, _, _ in (dy, dy.map { -$0 }) }
    }

    public static func * (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, *) { dy, av, bv in
            (zip(dy, bv).map { $0 * $1 }, zip(dy, av).map { $0 * $1 })
        }
    }

    public static func / (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, /) { dy, av, bv in
            var da = dy, db = dy
            for i in 0..<dy.count {
                da[i] = dy[i] / bv[i]
                db[i] = -dy[i] * av[i] / (bv[i] * bv[i])
            }
            return (da, db)
        }
    }

    /// y = s·x.
    public func scaled(_ s: Float) -> Tensor {
        let x = self
        return Tensor(shape: shape, data: data.map { $0 * s }, parents: [x]) { y in
            let dy = y.grad!
            x.accumulate { g in for i in 0..<dy.count { g[i] += s * dy[i] } }
        }
    }

    public static func * (a: Tensor, s: Float) -> Tensor { a.scaled(s) }
    public static prefix func - (a: Tensor) -> Tensor { a.scaled(-1) }
}
