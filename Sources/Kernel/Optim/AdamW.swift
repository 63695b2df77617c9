// AdamW (Loshchilov & Hutter): Adam moments with weight decay decoupled from the gradient,
// matching torch.optim.AdamW step for step:
//   θ ← θ − lr·λ·θ            (decay; skipped for parameters in the no-decay set: norms, biases)
//   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²
//   θ ← θ − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
// Defaults follow the IDGenRec reference (eps 1e-6, weight decay 0.01); its no-decay filter never matched
// T5's parameter names, ours is explicit.
import Foundation

public final class AdamW {
    public struct Config: Codable, Equatable {
        public var learningRate: Float = 1e-3
        public var beta1: Float = 0.9
        public var beta2: Float = 0.999
        public var epsilon: Float = 1e-6
        public var weightDecay: Float = 0.01
        public init() {}
    }

    public var config: Config
    public let parameters: [Tensor]
    public let noDecay: Set<ObjectIdentifier>
    public private(set) var step: Int = 0
    var m: [[Float]]
    var v: [[Float]]

    /// `noDecay`: parameters exempt from weight decay (T5: every layer-norm weight).
    public init(parameters: [Tensor], noDecay: [Tensor] = [], config: Config = Config()) {
        self.parameters = parameters
        self.noDecay = Set(noDecay.map(ObjectIdentifier.init))
        self.config = config
        m = parameters.map { [Float](repeating: 0, count: $0.count) }
        v = parameters.map { [Float](repeating: 0, count: $0.count) }
    }

    /// One update with learning rate `lr` (defaults to the config's), reading every gradient multiplied by
    /// `gradientScale` (the clipping factor, see `GradientClipping.scale`); gradients are left untouched.
    public func update(learningRate lr: Float? = nil, gradientScale: Float = 1) {
        step += 1
        let lr = lr ?? config.learningRate
        let b1 = config.beta1, b2 = config.beta2, eps = config.epsilon
        let c1 = 1 - Float(pow(Double(b1), Double(step))), c2 = 1 - Float(pow(Double(b2), Double(step)))
        for (k, p) in parameters.enumerated() {
            guard let g = p.grad else { continue }
            let decay = noDecay.contains(ObjectIdentifier(p)) ? 0 : lr * config.weightDecay
            let n = p.count
            p.data.withUnsafeMutableBufferPointer { theta in
                m[k].withUnsafeMutableBufferPointer { mk in
                    v[k].withUnsafeMutableBufferPointer { vk in g.withUnsafeBufferPointer { gp in
                        let T = theta.baseAddress!, M = mk.baseAddress!, Vv = vk.baseAddress!, G = gp.baseAddress!
                        // Element ranges of large tensors go to the workers; every element's update is independent.
                        let parts = n >= 65_536 ? Parallel.workers : 1
                        Parallel.forEach(parts, minimumWork: n / parts) { part in
                            let hi = n * (part + 1) / parts
                            var i = n * part / parts
                            // 8 lanes at a time (the four arrays may alias as far as the compiler knows, so it
                            // would not vectorize this loop itself); each lane computes what the scalar tail does.
                            while i + 8 <= hi {
                                let g = AdamW.load(G + i) * gradientScale
                                var t = AdamW.load(T + i)
                                t -= decay * t
                                let m = b1 * AdamW.load(M + i) + (1 - b1) * g
                                let v = b2 * AdamW.load(Vv + i) + (1 - b2) * g * g
                                t -= lr * (m / c1) / ((v / c2).squareRoot() + eps)
                                AdamW.store(t, T + i); AdamW.store(m, M + i); AdamW.store(v, Vv + i)
                                i += 8
                            }
                            while i < hi {
                                let g = G[i] * gradientScale
                                T[i] -= decay * T[i]
                                M[i] = b1 * M[i] + (1 - b1) * g
                                Vv[i] = b2 * Vv[i] + (1 - b2) * g * g
                                T[i] -= lr * (M[i] / c1) / ((Vv[i] / c2).squareRoot() + eps)
                                i += 1
                            }
                        }
                    } }
                }
            }
        }
    }

    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// Moments and step, for checkpoints (resume continues the same trajectory).
    public var state: (step: Int, m: [[Float]], v: [[Float]]) { (step, m, v) }

    public func restore(step: Int, m: [[Float]], v: [[Float]]) {
        precondition(m.count == parameters.count && v.count == parameters.count, "optimizer state does not match the parameters")
        self.step = step
        self.m = m
        self.v = v
    }
}
