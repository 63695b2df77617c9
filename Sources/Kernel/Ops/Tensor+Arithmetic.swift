// Elementwise arithmetic with broadcasting, each op's backward beside its forward.
//   add: da = dy, db = dy       sub: da = dy, db = -dy
//   mul: da = dy·b, db = dy·a   div: da = dy/b, db = -dy·a/b²     (then summed over broadcast axes)

extension Tensor {
    /// The forward of a binary op, chosen outside the loop (a closure per element was not inlined).
    enum ElementwiseOp { case add, sub, mul, div }

    private func binary(_ b: Tensor, _ op: ElementwiseOp,
                        backward: @escaping (_ dy: [Float], _ a: [Float], _ b: [Float]) -> (da: [Float]?, db: [Float]?)) -> Tensor {
        let a = self
        let out = Broadcast.shape(a.shape, b.shape)
        let n = out.reduce(1, *)
        // Operands at the output shape (no copy when they already are), then one parallel elementwise pass.
        let ae = a.count == 1 && n > 1 ? a.data : Broadcast.expand(a.data, a.shape, to: out)
        let be = b.count == 1 && n > 1 ? b.data : Broadcast.expand(b.data, b.shape, to: out)
        let y: [Float] = n == 0 ? [] : ae.withUnsafeBufferPointer { ap in be.withUnsafeBufferPointer { bp in
            let A = ap.baseAddress!, B = bp.baseAddress!
            let sa = ae.count == n ? 1 : 0, sb = be.count == n ? 1 : 0      // stride 0: a scalar operand
            return [Float].filledInParallel(n) { Y, range in
                switch op {
                case .add: for i in range { Y[i] = A[i * sa] + B[i * sb] }
                case .sub: for i in range { Y[i] = A[i * sa] - B[i * sb] }
                case .mul: for i in range { Y[i] = A[i * sa] * B[i * sb] }
                case .div: for i in range { Y[i] = A[i * sa] / B[i * sb] }
                }
            }
        } }
        return Tensor(shape: out, data: y, parents: [a, b]) { t in
            let ae = Broadcast.expand(a.data, a.shape, to: out), be = Broadcast.expand(b.data, b.shape, to: out)
            let (da, db) = backward(t.grad!, ae, be)
            for (x, dx) in [(a, da), (b, db)] where x.requiresGrad {
                guard let dx else { continue }
                if x.shape == out { x.accumulate(dx) } else { x.accumulate { Broadcast.reduce(dx, from: out, into: $0, shape: x.shape) } }
            }
        }
    }

    public static func + (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, .add) { dy, _, _ in (dy, dy) }
    }

    public static func - (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, .sub) { dy, _, _ in (dy, dy.map { -$0 }) }
    }

    public static func * (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, .mul) { dy, av, bv in
            if dy.isEmpty { return (dy, dy) }
            return dy.withUnsafeBufferPointer { dp in av.withUnsafeBufferPointer { ap in bv.withUnsafeBufferPointer { bp in
                let D = dp.baseAddress!, A = ap.baseAddress!, B = bp.baseAddress!
                return ([Float].filledInParallel(dy.count) { Y, r in for i in r { Y[i] = D[i] * B[i] } },
                        [Float].filledInParallel(dy.count) { Y, r in for i in r { Y[i] = D[i] * A[i] } })
            } } }
        }
    }

    public static func / (a: Tensor, b: Tensor) -> Tensor {
        a.binary(b, .div) { dy, av, bv in
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
        let scaled = count == 0 ? data : data.withUnsafeBufferPointer { xp in
            let X = xp.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = X[i] * s } }
        }
        return Tensor(shape: shape, data: scaled, parents: [x]) { y in
            y.grad!.withUnsafeBufferPointer { dp in
                guard let D = dp.baseAddress else { return x.accumulate([]) }
                x.accumulateElementwise { g, r, fresh in
                    if fresh { for i in r { g[i] = s * D[i] } } else { for i in r { g[i] += s * D[i] } }
                }
            }
        }
    }

    public static func * (a: Tensor, s: Float) -> Tensor { a.scaled(s) }
    public static prefix func - (a: Tensor) -> Tensor { a.scaled(-1) }
}
