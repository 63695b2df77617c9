// Seeded initializers: uniform, normal and truncated normal (resampled beyond ±2σ, as PyTorch's
// trunc_normal_ with default bounds), all from the run's one generator.

extension Tensor {
    public static func uniform(_ shape: [Int], low: Float, high: Float, rng: inout SplitMix64, requiresGrad: Bool = false) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, data: (0..<n).map { _ in low + (high - low) * rng.nextUniform() }, requiresGrad: requiresGrad)
    }

    public static func normal(_ shape: [Int], std: Float, rng: inout SplitMix64, requiresGrad: Bool = false) -> Tensor {
        let n = shape.reduce(1, *)
        return Tensor(shape: shape, data: (0..<n).map { _ in std * rng.nextNormal() }, requiresGrad: requiresGrad)
    }

    public static func truncatedNormal(_ shape: [Int], std: Float, rng: inout SplitMix64, requiresGrad: Bool = false) -> Tensor {
        let n = shape.reduce(1, *)
        var out = [Float](repeating: 0, count: n)
        for i in 0..<n {
            var z = rng.nextNormal()
            while abs(z) > 2 { z = rng.nextNormal() }
            out[i] = std * z
        }
        return Tensor(shape: shape, data: out, requiresGrad: requiresGrad)
    }
}

extension Array where Element == Float {
    /// Storage an op will overwrite entirely (BLAS with β = 0, permutes, softmax rows): no zero-fill pass.
    @inline(__always)
    static func uninitialized(_ count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, n in n = count }
    }

    /// `count` values written by `body(out, range)` over parallel chunks of 0..<count (each element is
    /// computed as on one thread).
    @inline(__always)
    static func filledInParallel(_ count: Int, _ body: (UnsafeMutablePointer<Float>, Range<Int>) -> Void) -> [Float] {
        var y = uninitialized(count)
        y.withUnsafeMutableBufferPointer { yp in
            let Y = yp.baseAddress
            if let Y { Parallel.chunks(count) { body(Y, $0) } }
        }
        return y
    }
}
