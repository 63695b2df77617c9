// Student's t distribution, for the paired t-test and t-based confidence intervals.
//   two-sided tail  P(|T| ≥ t) = I_x(ν/2, 1/2),  x = ν/(ν + t²)    (Abramowitz & Stegun 26.7.1 via 26.5)
// I_x(a, b) is the regularized incomplete beta function, evaluated by Lentz's continued fraction
// (Numerical Recipes §6.4); the quantile inverts the tail by bisection (monotone, 200 halvings ≫ Double).
import Foundation

public enum StudentT {
    /// P(|T| ≥ |t|) for ν degrees of freedom.
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        return regularizedIncompleteBeta(nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// P(T ≤ t).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = twoSidedPValue(t, degreesOfFreedom: nu) / 2
        return t >= 0 ? 1 - tail : tail
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p > 0 && p < 1, "t quantile needs 0 < p < 1, got \(p)")
        if p == 0.5 { return 0 }
        let upper = p > 0.5
        let twoSided = upper ? 2 * (1 - p) : 2 * p      // the tail mass on both sides at |t|
        var lo = 0.0, hi = 1.0
        while twoSidedPValue(hi, degreesOfFreedom: nu) > twoSided { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if twoSidedPValue(mid, degreesOfFreedom: nu) > twoSided { lo = mid } else { hi = mid }
        }
        return upper ? (lo + hi) / 2 : -(lo + hi) / 2
    }

    /// I_x(a, b).
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a) + lgamma(b) - lgamma(a + b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logPowers - logBeta)
        // The continued fraction converges fast for x < (a+1)/(a+b+2); otherwise use the symmetry.
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
