// Short-vector kernels for the inner loops that BLAS calls would drown in call overhead (attention of one
// query row against a few hundred cached keys). Swift does not reorder float additions, so a plain loop
// `s += a[i] * b[i]` runs as one dependent chain; these keep 16 lanes of independent sums instead.
// Results differ from the sequential loop only by float rounding order. No `addProduct`: the build targets
// baseline x86-64, where a fused multiply-add is a library call per lane. For the same reason the
// exponential loops (softmax, log-sum-exp) live in C (`CVector`), built for the CPU's widest vectors: there
// they run faster than 4-lane Swift, with the same bits.
import CVector
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

    /// Σ e^(x[i] − shift) over n elements (shift ≥ max x). In C (`CVector`), at the CPU's vector width.
    @inline(__always)
    static func sumExp(_ x: UnsafePointer<Float>, _ n: Int, shift: Float) -> Float { idg_sum_exp(x, n, shift) }

    /// y[i] = e^(x[i] − shift) over n elements; returns their sum. y may be x.
    @inline(__always)
    static func expShifted(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int, shift: Float) -> Float {
        idg_exp_shifted(x, y, n, shift)
    }

    /// y = softmax(x + bias1 + bias2) over n elements, positions ≥ `unmasked` also masked (−10⁹); y may be x.
    @inline(__always)
    static func softmax(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int,
                        bias1: UnsafePointer<Float>? = nil, bias2: UnsafePointer<Float>? = nil, unmasked: Int? = nil) {
        idg_softmax_row(x, y, bias1, bias2, n, unmasked ?? n)
    }

    /// max of x[0..<n] (−∞ when n = 0).
    @inline(__always)
    static func max(_ x: UnsafePointer<Float>, _ n: Int) -> Float { idg_max(x, n) }
}
