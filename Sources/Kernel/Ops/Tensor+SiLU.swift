// SiLU (swish) and the gated unit of Llama's feed-forward (Shazeer 2020, "GLU Variants", SwiGLU):
//   silu(x) = x·σ(x),                 silu'(x) = σ(x)·(1 + x·(1 − σ(x)))
//   swiGLU(g, u) = silu(g) ⊙ u:       dg = dy ⊙ u ⊙ silu'(g),   du = dy ⊙ silu(g)
// The gated form is one op because it runs on the widest activation of the model ([tokens, intermediate]):
// composed from silu and `*` it wrote and read back two more arrays of that size per layer, forward and
// backward. Shapes: x, gate, up [..., F] (same shape).
import Foundation

extension Tensor {
    /// σ(x) for one value; `siluValue` = x·σ(x) (also the cached decoder's inference path).
    @inline(__always)
    static func sigmoidValue(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }

    @inline(__always)
    static func siluValue(_ x: Float) -> Float { x * sigmoidValue(x) }

    /// d silu / dx at x.
    @inline(__always)
    static func siluDerivative(_ x: Float) -> Float {
        let s = sigmoidValue(x)
        return s * (1 + x * (1 - s))
    }

    public func silu() -> Tensor {
        let x = self
        let y: [Float] = count == 0 ? [] : data.withUnsafeBufferPointer { xp in
            let X = xp.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = Tensor.siluValue(X[i]) } }
        }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            t.grad!.withUnsafeBufferPointer { dp in x.data.withUnsafeBufferPointer { xp in
                guard let D = dp.baseAddress, let X = xp.baseAddress else { return }
                x.accumulateElementwise { g, r, fresh in
                    if fresh {
                        for i in r { g[i] = D[i] * Tensor.siluDerivative(X[i]) }
                    } else {
                        for i in r { g[i] += D[i] * Tensor.siluDerivative(X[i]) }
                    }
                }
            } }
        }
    }

    /// silu(self) ⊙ up — Llama's MLP activation, with `self` the gate projection.
    public func swiGLU(_ up: Tensor) -> Tensor {
        let gate = self
        precondition(gate.shape == up.shape, "swiGLU needs gate and up of one shape, got \(gate.shape) and \(up.shape)")
        let y: [Float] = count == 0 ? [] : gate.data.withUnsafeBufferPointer { gp in up.data.withUnsafeBufferPointer { up in
            let G = gp.baseAddress!, U = up.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = Tensor.siluValue(G[i]) * U[i] } }
        } }
        return Tensor(shape: shape, data: y, parents: [gate, up]) { t in
            t.grad!.withUnsafeBufferPointer { dp in gate.data.withUnsafeBufferPointer { gp in up.data.withUnsafeBufferPointer { upp in
                guard let D = dp.baseAddress, let G = gp.baseAddress, let U = upp.baseAddress else { return }
                if gate.requiresGrad {
                    gate.accumulateElementwise { g, r, fresh in
                        if fresh {
                            for i in r { g[i] = D[i] * U[i] * Tensor.siluDerivative(G[i]) }
                        } else {
                            for i in r { g[i] += D[i] * U[i] * Tensor.siluDerivative(G[i]) }
                        }
                    }
                }
                if up.requiresGrad {
                    up.accumulateElementwise { g, r, fresh in
                        if fresh { for i in r { g[i] = D[i] * Tensor.siluValue(G[i]) } } else { for i in r { g[i] += D[i] * Tensor.siluValue(G[i]) } }
                    }
                }
            } } }
        }
    }
}
