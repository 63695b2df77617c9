// SiLU (swish) and the gated unit of Llama's feed-forward (Shazeer 2020, "GLU Variants", SwiGLU):
//   silu(x) = x·σ(x),                 silu'(x) = σ(x)·(1 + x·(1 − σ(x)))
//   swiGLU(g, u) = silu(g) ⊙ u:       dg = dy ⊙ u ⊙ silu'(g),   du = dy ⊙ silu(g)
// The gated form is one op because it runs on the widest activation of the model ([tokens, intermediate]):
// composed from silu and `*` it wrote and read back two more arrays of that size per layer, forward and
// backward. The forward keeps σ, so the backward needs no exponential; σ itself comes from the vectorized
// exponential (CVector) — a scalar expf per element was a sixth of a causal training step.
// Shapes: x, gate, up [..., F] (same shape).
import Foundation

extension Tensor {
    /// σ(x[i]) for i in `range`, into s: e = e^(−|x|) (argument ≤ 0, where the vector exponential is
    /// valid), σ = 1/(1+e) for x ≥ 0 and e/(1+e) below — no overflow either side.
    @inline(__always)
    static func sigmoids(_ x: UnsafePointer<Float>, _ s: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        for i in range { s[i] = -Swift.abs(x[i]) }
        _ = VectorKernels.expShifted(s + range.lowerBound, s + range.lowerBound, range.count, shift: 0)
        for i in range {
            let e = s[i], inv = 1 / (1 + e)
            s[i] = x[i] >= 0 ? inv : e * inv
        }
    }

    /// σ of every element, in parallel chunks.
    static func sigmoids(_ x: [Float]) -> [Float] {
        guard !x.isEmpty else { return [] }
        return x.withUnsafeBufferPointer { xp in
            let X = xp.baseAddress!
            return [Float].filledInParallel(x.count) { S, r in Tensor.sigmoids(X, S, r) }
        }
    }

    public func silu() -> Tensor {
        let x = self, sig = Tensor.sigmoids(data)
        let y: [Float] = count == 0 ? [] : data.withUnsafeBufferPointer { xp in sig.withUnsafeBufferPointer { sp in
            let X = xp.baseAddress!, S = sp.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = X[i] * S[i] } }
        } }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            t.grad!.withUnsafeBufferPointer { dp in x.data.withUnsafeBufferPointer { xp in sig.withUnsafeBufferPointer { sp in
                guard let D = dp.baseAddress, let X = xp.baseAddress, let S = sp.baseAddress else { return }
                x.accumulateElementwise { g, r, fresh in
                    for i in r {
                        let d = D[i] * S[i] * (1 + X[i] * (1 - S[i]))
                        if fresh { g[i] = d } else { g[i] += d }
                    }
                }
            } } }
        }
    }

    /// silu(self) ⊙ up — Llama's MLP activation, with `self` the gate projection.
    public func swiGLU(_ up: Tensor) -> Tensor {
        let gate = self
        precondition(gate.shape == up.shape, "swiGLU needs gate and up of one shape, got \(gate.shape) and \(up.shape)")
        let sig = Tensor.sigmoids(gate.data)
        let y: [Float] = count == 0 ? [] : gate.data.withUnsafeBufferPointer { gp in up.data.withUnsafeBufferPointer { upp in
        sig.withUnsafeBufferPointer { sp in
            let G = gp.baseAddress!, U = upp.baseAddress!, S = sp.baseAddress!
            return [Float].filledInParallel(count) { Y, r in for i in r { Y[i] = G[i] * S[i] * U[i] } }
        } } }
        return Tensor(shape: shape, data: y, parents: [gate, up]) { t in
            t.grad!.withUnsafeBufferPointer { dp in gate.data.withUnsafeBufferPointer { gp in
            up.data.withUnsafeBufferPointer { upp in sig.withUnsafeBufferPointer { sp in
                guard let D = dp.baseAddress, let G = gp.baseAddress, let U = upp.baseAddress, let S = sp.baseAddress else { return }
                if gate.requiresGrad {
                    gate.accumulateElementwise { g, r, fresh in
                        for i in r {
                            let d = D[i] * U[i] * S[i] * (1 + G[i] * (1 - S[i]))
                            if fresh { g[i] = d } else { g[i] += d }
                        }
                    }
                }
                if up.requiresGrad {
                    up.accumulateElementwise { g, r, fresh in
                        for i in r {
                            let d = D[i] * G[i] * S[i]
                            if fresh { g[i] = d } else { g[i] += d }
                        }
                    }
                }
            } } } }
        }
    }
}
