// Paired significance against values worked out by hand or published with a textbook data set.
import XCTest
import IDGenPlugins

final class PairedSignificanceTests: XCTestCase {
    // Student's sleep data (Cushny & Peebles 1905, analysed by "Student" 1908; R's `sleep` data set):
    // extra hours of sleep of 10 patients under two drugs.
    let drug1: [Double] = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
    let drug2: [Double] = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]

    func testPairedTTestOnTheSleepData() throws {
        // d = drug1 − drug2 = [-1.2, -2.4, -1.3, -1.3, 0.0, -1.0, -1.8, -0.8, -4.6, -1.4]
        // d̄ = -15.8/10 = -1.58;  Σ(d − d̄)² = 13.616;  s = √(13.616/9) = 1.2299955;  se = s/√10 = 0.3889587
        // t = -1.58/0.3889587 = -4.062128, ν = 9;  t_{0.975, 9} = 2.262157 (table)
        // CI = -1.58 ± 2.262157·0.3889587 = [-2.459886, -0.700114]
        // R: t.test(extra ~ group, data = sleep, paired = TRUE) prints t = -4.0621, df = 9,
        //    p-value = 0.002833, 95 percent CI -2.4598858 -0.7001142.
        let r = try PairedSignificance.pairedTTest(variant: drug1, reference: drug2)
        XCTAssertEqual(r.method, "paired-t")
        XCTAssertEqual(r.count, 10)
        XCTAssertEqual(r.meanDifference, -1.58, accuracy: 1e-12)
        XCTAssertEqual(r.statistic, -4.062128, accuracy: 1e-6)
        XCTAssertEqual(r.pValue, 0.002833, accuracy: 5e-7)
        XCTAssertEqual(r.interval.lower, -2.4598858, accuracy: 1e-6)
        XCTAssertEqual(r.interval.upper, -0.7001142, accuracy: 1e-6)
    }

    func testTDistributionAgainstClosedForms() {
        // ν = 1 is the Cauchy distribution: P(|T| ≥ t) = 1 − (2/π)·atan(t); t = 2 → 1 − 0.7048328 = 0.2951672.
        XCTAssertEqual(StudentT.twoSidedPValue(2, degreesOfFreedom: 1), 0.2951672353, accuracy: 1e-9)
        // ν = 2: P(|T| ≥ t) = 1 − t/√(2 + t²); the 97.5% quantile solves t/√(2+t²) = 0.95 → t² = 1.805/0.0975,
        // t = 4.302653 (the table value).
        XCTAssertEqual(StudentT.twoSidedPValue(2 * 3.0.squareRoot(), degreesOfFreedom: 2), 0.0741799002, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 2), (1.805 / 0.0975).squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(0.025, degreesOfFreedom: 2), -(1.805 / 0.0975).squareRoot(), accuracy: 1e-9)
        // Large ν approaches the normal: z_{0.975} = 1.959964.
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 1e7), 1.959964, accuracy: 1e-5)
        XCTAssertEqual(StudentT.cdf(0, degreesOfFreedom: 5), 0.5, accuracy: 1e-12)
    }

    func testPairedTTestWithThreeUsersByHand() throws {
        // d = [1, 2, 3]: d̄ = 2, s = 1, se = 1/√3, t = 2√3 = 3.4641016, ν = 2
        // p = 1 − 3.4641016/√14 = 0.0741799;  CI = 2 ± 4.302653/√3 = [-0.484138, 4.484138]
        let r = try PairedSignificance.pairedTTest(variant: [1.5, 2, 3.25], reference: [0.5, 0, 0.25])
        XCTAssertEqual(r.statistic, 3.4641016, accuracy: 1e-6)
        XCTAssertEqual(r.pValue, 0.0741799, accuracy: 1e-7)
        XCTAssertEqual(r.interval.lower, 2 - 4.3026527 / 3.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(r.interval.upper, 2 + 4.3026527 / 3.0.squareRoot(), accuracy: 1e-6)
    }

    func testPairedBootstrapAgreesWithTheTTestOnTheSleepData() throws {
        let r = try PairedSignificance.pairedBootstrap(variant: drug1, reference: drug2, resamples: 20_000, seed: 42)
        XCTAssertEqual(r.method, "paired-bootstrap")
        XCTAssertEqual(r.meanDifference, -1.58, accuracy: 1e-12)
        // The bootstrap interval is narrower than the t interval for n = 10 (it uses s·√((n−1)/n) = 0.369 as
        // standard error and no t quantile): symmetric it would be -1.58 ± 1.96·0.369 = [-2.30, -0.86]; the
        // -4.6 outlier skews it left. 200,000 resamples (independent generator) give [-2.38, -0.95].
        XCTAssertTrue(r.interval.contains(-1.58))
        XCTAssertEqual(r.interval.lower, -2.35, accuracy: 0.15)
        XCTAssertEqual(r.interval.upper, -0.95, accuracy: 0.15)
        // Shifted to no difference, a resample mean 1.58 away from d̄ is a > 4 standard-error event: rare.
        XCTAssertLessThan(r.pValue, 0.01)
        XCTAssertGreaterThanOrEqual(r.pValue, 1.0 / 20_001)
        // Same seed, same answer; another seed moves the interval only a little.
        XCTAssertEqual(try PairedSignificance.pairedBootstrap(variant: drug1, reference: drug2, resamples: 20_000, seed: 42), r)
        let other = try PairedSignificance.pairedBootstrap(variant: drug1, reference: drug2, resamples: 20_000, seed: 7)
        XCTAssertNotEqual(other.interval, r.interval)
        XCTAssertEqual(other.interval.lower, r.interval.lower, accuracy: 0.05)
    }

    func testBootstrapEdgeCasesByHand() throws {
        // Every user gains exactly 0.1: every resample mean is 0.1, |0.1 − 0.1| ≥ 0.1 never holds → p = 1/(B+1).
        let r = try PairedSignificance.pairedBootstrap(variant: [0.3, 0.5, 0.1, 0.2], reference: [0.2, 0.4, 0.0, 0.1],
                                                       resamples: 999, seed: 1)
        XCTAssertEqual(r.pValue, 1.0 / 1000, accuracy: 1e-12)
        XCTAssertEqual(r.interval.lower, 0.1, accuracy: 1e-12)
        XCTAssertEqual(r.interval.upper, 0.1, accuracy: 1e-12)
        // Identical models: d̄ = 0, every resample counts as extreme → p = 1.
        let same = try PairedSignificance.pairedBootstrap(variant: [0.1, 0.9, 0.4], reference: [0.1, 0.9, 0.4], resamples: 99, seed: 1)
        XCTAssertEqual(same.pValue, 1)
        let t = try PairedSignificance.pairedTTest(variant: [0.1, 0.9, 0.4], reference: [0.1, 0.9, 0.4])
        XCTAssertEqual(t.pValue, 1)
    }

    func testMeanIntervals() throws {
        // x = [1, 2, 3]: x̄ = 2, s = 1 → 2 ± 4.302653/√3 (ν = 2, closed form above).
        let ci = try PairedSignificance.meanInterval([1, 2, 3])
        XCTAssertEqual(ci.lower, 2 - 4.3026527 / 3.0.squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(ci.upper, 2 + 4.3026527 / 3.0.squareRoot(), accuracy: 1e-6)
        // 400 hits out of 1000 users: the bootstrap interval ≈ 0.4 ± 1.96·√(0.4·0.6/1000) = 0.4 ± 0.0304.
        let hits = (0..<1000).map { $0 % 5 < 2 ? 1.0 : 0.0 }
        let boot = try PairedSignificance.bootstrapMeanInterval(hits, resamples: 4000, seed: 3)
        XCTAssertEqual(boot.lower, 0.4 - 0.0304, accuracy: 0.006)
        XCTAssertEqual(boot.upper, 0.4 + 0.0304, accuracy: 0.006)
    }

    func testErrorsReadAsAdvice() {
        XCTAssertThrowsError(try PairedSignificance.pairedTTest(variant: [1, 2], reference: [1])) { e in
            XCTAssertEqual(e as? SignificanceError, .unpaired(variant: 2, reference: 1))
            XCTAssertTrue("\(e)".contains("same users in the same order"))
        }
        XCTAssertThrowsError(try PairedSignificance.pairedBootstrap(variant: [1], reference: [1], seed: 1)) { e in
            XCTAssertEqual(e as? SignificanceError, .tooFewUsers(1))
        }
        XCTAssertThrowsError(try PairedSignificance.meanInterval([1, 2], level: 95)) { e in
            XCTAssertEqual(e as? SignificanceError, .badLevel(95))
        }
    }
}
