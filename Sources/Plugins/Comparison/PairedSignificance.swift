// Is a variant really better than the reference on the same users? Both tests work on per-user differences
// d_u = variant_u − reference_u (e.g. NDCG@10 of the same test user under two models), so user difficulty
// cancels out — far more sensitive than comparing two overall means (Smucker et al., CIKM 2007).
//
//   paired t-test:  t = d̄ / (s_d/√n), ν = n − 1, p = P(|T_ν| ≥ |t|), CI = d̄ ± t_{1−α/2,ν} · s_d/√n
//   paired bootstrap (Efron & Tibshirani 1993, §16; Koehn 2004): resample users with replacement B times
//     (seeded), d̄*_b the mean difference of resample b; CI = the α/2 and 1−α/2 percentiles of d̄*;
//     p = (1 + #{b : |d̄*_b − d̄| ≥ |d̄|}) / (B + 1) — the bootstrap distribution shifted to the null of
//     no difference, two-sided, with the +1 that keeps p above zero for a finite B.
//
// Also the per-variant interval of a metric mean (t-based, or bootstrap percentile) for report whiskers.
import Foundation

public enum PairedSignificance {
    public static func pairedTTest(variant: [Double], reference: [Double], level: Double = 0.95) throws -> PairedComparison {
        let d = try differences(variant, reference, level: level)
        let n = Double(d.count)
        let (mean, sd) = meanAndStandardDeviation(d)
        let se = sd / n.squareRoot()
        let nu = n - 1
        let half = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: nu) * se
        let t: Double, p: Double
        if se == 0 {
            // Every user moved by the same amount: no variance, the difference is certain unless it is zero.
            t = mean == 0 ? 0 : (mean > 0 ? .infinity : -.infinity)
            p = mean == 0 ? 1 : 0
        } else {
            t = mean / se
            p = StudentT.twoSidedPValue(t, degreesOfFreedom: nu)
        }
        return PairedComparison(method: "paired-t", count: d.count, meanDifference: mean,
                                interval: ConfidenceInterval(lower: mean - half, upper: mean + half, level: level),
                                pValue: p, statistic: t)
    }

    public static func pairedBootstrap(variant: [Double], reference: [Double], resamples: Int = 10_000,
                                       seed: UInt64, level: Double = 0.95) throws -> PairedComparison {
        let d = try differences(variant, reference, level: level)
        let mean = d.reduce(0, +) / Double(d.count)
        var means = bootstrapMeans(d, resamples: resamples, seed: seed)
        let extreme = means.filter { abs($0 - mean) >= abs(mean) }.count
        means.sort()
        return PairedComparison(method: "paired-bootstrap", count: d.count, meanDifference: mean,
                                interval: percentileInterval(sorted: means, level: level),
                                pValue: Double(1 + extreme) / Double(resamples + 1), statistic: Double(resamples))
    }

    /// t-based interval of a mean: x̄ ± t_{1−α/2, n−1} · s/√n (the normal interval for large n).
    public static func meanInterval(_ values: [Double], level: Double = 0.95) throws -> ConfidenceInterval {
        guard level > 0 && level < 1 else { throw SignificanceError.badLevel(level) }
        guard values.count >= 2 else { throw SignificanceError.tooFewUsers(values.count) }
        let (mean, sd) = meanAndStandardDeviation(values)
        let half = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(values.count - 1)) * sd / Double(values.count).squareRoot()
        return ConfidenceInterval(lower: mean - half, upper: mean + half, level: level)
    }

    /// Bootstrap percentile interval of a mean (no normality assumption: hit rates are 0/1 per user).
    public static func bootstrapMeanInterval(_ values: [Double], resamples: Int = 10_000, seed: UInt64,
                                             level: Double = 0.95) throws -> ConfidenceInterval {
        guard level > 0 && level < 1 else { throw SignificanceError.badLevel(level) }
        guard values.count >= 2 else { throw SignificanceError.tooFewUsers(values.count) }
        return percentileInterval(sorted: bootstrapMeans(values, resamples: resamples, seed: seed).sorted(), level: level)
    }

    // MARK: pieces

    static func differences(_ a: [Double], _ b: [Double], level: Double) throws -> [Double] {
        guard a.count == b.count else { throw SignificanceError.unpaired(variant: a.count, reference: b.count) }
        guard a.count >= 2 else { throw SignificanceError.tooFewUsers(a.count) }
        guard level > 0 && level < 1 else { throw SignificanceError.badLevel(level) }
        return zip(a, b).map { $0 - $1 }
    }

    /// Mean and sample standard deviation (n − 1), two passes for accuracy.
    static func meanAndStandardDeviation(_ x: [Double]) -> (Double, Double) {
        let n = Double(x.count)
        let mean = x.reduce(0, +) / n
        let ss = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / (n - 1)).squareRoot())
    }

    /// Means of `resamples` resamples with replacement; indices by multiply-high (unbiased enough for n ≪ 2⁶⁴
    /// and independent of the standard library's algorithm, so results stay stable across Swift versions).
    static func bootstrapMeans(_ x: [Double], resamples: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed).derived("paired-bootstrap")
        let n = x.count
        var means = [Double](repeating: 0, count: max(resamples, 1))
        for b in 0..<means.count {
            var s = 0.0
            for _ in 0..<n { s += x[Int(rng.next().multipliedFullWidth(by: UInt64(n)).high)] }
            means[b] = s / Double(n)
        }
        return means
    }

    /// Percentiles α/2 and 1−α/2 of sorted values (nearest rank).
    static func percentileInterval(sorted v: [Double], level: Double) -> ConfidenceInterval {
        let alpha = 1 - level
        func at(_ q: Double) -> Double { v[min(v.count - 1, max(0, Int((q * Double(v.count)).rounded(.down))))] }
        return ConfidenceInterval(lower: at(alpha / 2), upper: at(1 - alpha / 2), level: level)
    }
}
