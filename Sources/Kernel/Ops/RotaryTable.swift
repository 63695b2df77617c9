// The cosines and sines of rotary position embeddings (Su et al. 2021, RoFormer §3.4) as HF Llama makes them
// (`LlamaRotaryEmbedding`, rope_type "default"): for head width K and pair i < K/2,
//   inv_freq_i = 1 / θ^(2i/K)   (Float32, as HF),   angle(p, i) = p · inv_freq_i,   cos/sin of that angle.
// HF's rotate_half layout pairs element i with element i + K/2 of each head (not adjacent elements):
//   y_i = x_i·cos − x_{i+K/2}·sin,   y_{i+K/2} = x_{i+K/2}·cos + x_i·sin.
// The table is a value: the training forward makes one per sequence length, a cached decoder keeps its own
// and extends it, so nothing shared is written while several decoders run.
//
// Legend: P positions, K head width, H heads.
import Foundation

public struct RotaryTable: Sendable {
    public let headDim: Int              // K (even)
    public let theta: Double             // rope_theta, the base of the wavelengths
    let inverseFrequencies: [Float]      // [K/2]
    public private(set) var cos: [Float] // [P, K/2]
    public private(set) var sin: [Float] // [P, K/2]

    public init(headDim: Int, theta: Double, positions: Int = 0) {
        precondition(headDim > 0 && headDim % 2 == 0, "rotary embeddings need an even head width, got \(headDim)")
        self.headDim = headDim
        self.theta = theta
        let half = headDim / 2
        // HF: 1.0 / (base ** (arange(0, K, 2).float() / K)) — the exponent and the power in Float32.
        inverseFrequencies = (0..<half).map { i in 1 / Foundation.pow(Float(theta), Float(2 * i) / Float(headDim)) }
        cos = []
        sin = []
        extend(to: positions)
    }

    /// Number of positions (0..<P) the table covers.
    public var positions: Int { cos.count / (headDim / 2) }

    /// Grows the table to cover positions 0..<n (never shrinks).
    public mutating func extend(to n: Int) {
        let half = headDim / 2
        for p in positions..<max(n, positions) {
            for i in 0..<half {
                let angle = Float(p) * inverseFrequencies[i]          // one Float32 product, as HF's
                cos.append(Float(Foundation.cos(Double(angle))))
                sin.append(Float(Foundation.sin(Double(angle))))
            }
        }
    }

    /// Rotates one row of H heads × K values in place, by the angles of one position's cos/sin [K/2], and
    /// multiplies by `scale`. `inverse` rotates the other way (−sin): the transpose, i.e. the backward.
    @inline(__always)
    static func rotate(_ x: UnsafeMutablePointer<Float>, heads h: Int, headDim k: Int,
                       cos c: UnsafePointer<Float>, sin s: UnsafePointer<Float>, scale: Float, inverse: Bool) {
        let half = k / 2
        for hi in 0..<h {
            let a = x + hi * k, b = a + half
            if inverse {
                for i in 0..<half {
                    let x1 = a[i], x2 = b[i]
                    a[i] = (x1 * c[i] + x2 * s[i]) * scale
                    b[i] = (x2 * c[i] - x1 * s[i]) * scale
                }
            } else {
                for i in 0..<half {
                    let x1 = a[i], x2 = b[i]
                    a[i] = (x1 * c[i] - x2 * s[i]) * scale
                    b[i] = (x2 * c[i] + x1 * s[i]) * scale
                }
            }
        }
    }
}
