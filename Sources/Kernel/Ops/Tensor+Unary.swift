// Pointwise functions. y = f(x), dx = dy·f'(x).
//   exp: f' = y        log: f' = 1/x        relu: f' = [x > 0]
//   gelu (tanh form, HF `gelu_new`): y = ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³)
//     f' = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²)
import Foundation

extension Tensor {
    private func pointwise(_ f: (Float) -> Float, derivative: @escaping (_ x: Float, _ y: Float) -> Float) -> Tensor {
        let x = self
        let y = data.map(f)
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in
                for i in 0..<dy.count { g[i] += dy[i] * derivative(x.data[i], t.data[i]) }
            }
        }
    }

    public func exp() -> Tensor { pointwise({ Foundation.exp($0) }, derivative: { _, y in y }) }
    public func log() -> Tensor { pointwise({ Foundation.log($0) }, derivative: { x, _ in 1 / x }) }
    /// ReLU on its own path (the T5 feed-forward's [tokens, d_ff] activation): parallel chunks, no closures.
    public func relu() -> Tensor {
        let x = self
        guard count > 0 else { return pointwise({ max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }
        let y = data.withUnsafeBufferPointer { xp in
            let X = xp.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = Swift.max(X[i], 0) } }
        }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            t.grad!.withUnsafeBufferPointer { dp in x.data.withUnsafeBufferPointer { xp in
                let D = dp.baseAddress!, X = xp.baseAddress!
                // dy where x > 0, else 0, through a bit mask (a branch per element mispredicts half the time).
                x.accumulateElementwise { g, r, fresh in
                    if fresh { for i in r { g[i] = Tensor.keepIfPositive(D[i], X[i]) } } else { for i in r { g[i] += Tensor.keepIfPositive(D[i], X[i]) } }
                }
            } }
        }
    }

    /// The tanh-form GELU of one value (the forward of `gelu()`; the decoder's inference path uses it too).
    @inline(__always)
    static func geluValue(_ x: Float) -> Float {
        let c: Float = 0.7978845608028654  // √(2/π)
        return 0.5 * x * (1 + tanh(c * (x + 0.044715 * x * x * x)))
    }

    public func gelu() -> Tensor {
        let c: Float = 0.7978845608028654  // √(2/π)
        return pointwise({ x in Tensor.geluValue(x) }, derivative: { x, _ in
            let th = tanh(c * (x + 0.044715 * x * x * x))
            return 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * c * (1 + 3 * 0.044715 * x * x)
        })
    }

    /// `value` if x > 0 (as a float comparison; −0 and NaN count as not positive), else +0, without a branch.
    @inline(__always)
    static func keepIfPositive(_ value: Float, _ x: Float) -> Float {
        let xi = Int32(bitPattern: x.bitPattern)
        let positive = ~((xi &- 1) >> 31) & ~(xi >> 31)                    // all ones iff 0 < xi (as bits)
        let nan = (Int32(bitPattern: 0x7F80_0000) &- xi) >> 31             // all ones iff a positive NaN
        return Float(bitPattern: value.bitPattern & UInt32(bitPattern: positive & ~nan))
    }
}
