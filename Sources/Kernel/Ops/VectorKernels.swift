// Short-vector kernels for the inner loops that BLAS calls would drown in call overhead (attention of one
// query row against a few hundred cached keys). Swift does not reorder float additions, so a plain loop
// `s += a[i] * b[i]` runs as one dependent chain; these keep 16 lanes of independent sums instead.
// Results differ from the sequential loop only by float rounding order. No `addProduct`: the build targets
// baseline x86-64, where a fused multiply-add is a library call per lane.
import Foundation

enum VectorKernels {
    /// Σ a[i]·b[i] over n elements.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var i = 0
        var acc = SIMD16<Float>()
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while i + 16 <= n {
            acc += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        var s = acc.sum()
        while i < n { s += a[i] * b[i]; i += 1 }
        return s
    }

    /// y[i] += w · x[i] over n elements.
    @inline(__always)
    static func axpy(_ w: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int) {
        var i = 0
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y)
        while i + 16 <= n {
            let v = ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                + w * rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            ry.storeBytes(of: v, toByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        while i < n { y[i] += w * x[i]; i += 1 }
    }

    /// e^x in 8 lanes (Cephes' single-precision scheme: x = n·ln2 + r, |r| ≤ ln2/2, a degree-6 polynomial
    /// for e^r, 2^n built in the exponent bits). Relative error ≤ 2e-7 against `expf`; below -87.3 the
    /// result is 0 (expf would give a denormal, which no softmax sum can tell apart from 0).
    /// Only SSE2-level operations (no rounding or FMA instructions), so the baseline build stays vectorized.
    @inline(__always)
    static func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let hi = SIMD8<Float>(repeating: 88.3762626647949), lo = SIMD8<Float>(repeating: -87.3365447504)
        let xc = x.clamped(lowerBound: lo, upperBound: hi)
        // n = round(x / ln2) by the 1.5·2^23 trick (adding it leaves the rounded integer in the low mantissa bits).
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let t = xc * 1.44269504088896341 + magic
        let n = t - magic
        var r = xc - n * 0.693359375
        r = r + n * 2.12194440e-4
        let r2 = r * r
        var p = SIMD8<Float>(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let er = p * r2 + r + 1
        let bits = (unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        let scale = unsafeBitCast(bits, to: SIMD8<Float>.self)
        return (er * scale).replacing(with: 0, where: x .< lo)
    }

    /// Σ e^(x[i] − shift) over n elements.
    @inline(__always)
    static func sumExp(_ x: UnsafePointer<Float>, _ n: Int, shift: Float) -> Float {
        var i = 0
        var acc = SIMD8<Float>()
        let rx = UnsafeRawPointer(x), s = SIMD8<Float>(repeating: shift)
        while i + 8 <= n {
            acc += exp8(rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - s)
            i += 8
        }
        var total = acc.sum()
        while i < n { total += Foundation.exp(x[i] - shift); i += 1 }
        return total
    }

    /// y[i] = e^(x[i] − shift) over n elements; returns their sum.
    @inline(__always)
    static func expShifted(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int, shift: Float) -> Float {
        var i = 0
        var acc = SIMD8<Float>()
        let rx = UnsafeRawPointer(x), ry = UnsafeMutableRawPointer(y), s = SIMD8<Float>(repeating: shift)
        while i + 8 <= n {
            let e = exp8(rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - s)
            ry.storeBytes(of: e, toByteOffset: i * 4, as: SIMD8<Float>.self)
            acc += e
            i += 8
        }
        var total = acc.sum()
        while i < n { let e = Foundation.exp(x[i] - shift); y[i] = e; total += e; i += 1 }
        return total
    }

    /// max of x[0..<n] (−∞ when n = 0).
    @inline(__always)
    static func max(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var i = 0
        var m = SIMD8<Float>(repeating: -.infinity)
        let rx = UnsafeRawPointer(x)
        while i + 8 <= n {
            m = pointwiseMax(m, rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self))
            i += 8
        }
        var out = m.max()
        while i < n { out = Swift.max(out, x[i]); i += 1 }
        return out
    }
}
