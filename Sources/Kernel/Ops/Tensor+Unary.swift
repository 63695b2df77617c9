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
    public func relu() -> Tensor { pointwise({ max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }

    public func gelu() -> Tensor {
        let c: Float = 0.7978845608028654  // √(2/π)
        return pointwise({ x in 0.5 * x * (1 + tanh(c * (x + 0.044715 * x * x * x))) }, derivative: { x, _ in
            let th = tanh(c * (x + 0.044715 * x * x * x))
            return 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * c * (1 + 3 * 0.044715 * x * x)
        })
    }
}
