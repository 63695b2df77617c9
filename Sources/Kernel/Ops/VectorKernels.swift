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

    /// Σ a[i]·b[i]·c[i] over n elements.
    @inline(__always)
    static func dot3(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ n: Int) -> Float {
        var i = 0
        var acc = SIMD16<Float>()
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), rc = UnsafeRawPointer(c)
        while i + 16 <= n {
            acc += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
                * rc.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        var s = acc.sum()
        while i < n { s += a[i] * b[i] * c[i]; i += 1 }
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

    /// e^x in 8 lanes for x ≤ 88.3 (callers pass x − max ≤ 0): Cephes' single-precision scheme — x = n·ln2 + r,
    /// |r| ≤ ln2/2, a degree-6 polynomial for e^r, 2^n built in the exponent bits. Relative error ≤ 2e-7
    /// against `expf`; below −87.3 (masked scores, −∞) the result is exactly 0 (expf would give a denormal).
    /// Only operations that lower to SSE2 instructions: no rounding or FMA instructions, and no generic SIMD
    /// helpers (`clamped`, `replacing`, `pointwiseMax` are not inlined — a call per vector).
    @inline(__always)
    static func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        // n = round(x / ln2) by the 1.5·2^23 trick (adding it leaves the rounded integer in the low mantissa bits).
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let t = x * 1.44269504088896341 + magic
        let n = t - magic
        var r = x - n * 0.693359375
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
        let value = unsafeBitCast(er * unsafeBitCast(bits, to: SIMD8<Float>.self), to: SIMD8<Int32>.self)
        // All ones where x < −87.3 (the sign of x + 87.3), whatever garbage the lanes hold there: cleared to 0.
        let below = unsafeBitCast(x + 87.3365447504, to: SIMD8<Int32>.self) &>> 31
        return unsafeBitCast(value & ~below, to: SIMD8<Float>.self)
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
        var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0
        while i + 4 <= n {
            m0 = x[i] > m0 ? x[i] : m0
            m1 = x[i + 1] > m1 ? x[i + 1] : m1
            m2 = x[i + 2] > m2 ? x[i + 2] : m2
            m3 = x[i + 3] > m3 ? x[i + 3] : m3
            i += 4
        }
        var out = Swift.max(Swift.max(m0, m1), Swift.max(m2, m3))
        while i < n { out = Swift.max(out, x[i]); i += 1 }
        return out
    }
}
