import XCTest
import IDGenKernel

final class SparseMatrixTests: XCTestCase {
    func testMultiplyMatchesDenseAndMergesDuplicates() {
        // [[1, 0, 2], [0, 3, 0]] with the (0,2) entry given as 1 + 1
        let a = SparseMatrix(rows: 2, columns: 3, entries: [(0, 0, 1), (0, 2, 1), (1, 1, 3), (0, 2, 1)])
        XCTAssertEqual(a.nonZeroCount, 3)
        let x: [Float] = [1, 2, 3, 4, 5, 6]                    // [3, 2]
        XCTAssertEqual(a.multiply(x, width: 2), [11, 14, 9, 12])
        XCTAssertEqual(a.transposeMultiply([1, 2, 3, 4], width: 2), [1, 2, 9, 12, 2, 4])
        XCTAssertEqual(a.rowSums(), [3, 3])
        // graph 0–1 (weight 2), 1–2 (weight 5): the subgraph on [2, 1] keeps only the 5-edge
        let g = SparseMatrix(rows: 3, columns: 3, entries: [(0, 1, 2), (1, 0, 2), (1, 2, 5), (2, 1, 5)])
        let sub = g.submatrix([2, 1])
        XCTAssertEqual(sub.nonZeroCount, 2)
        XCTAssertEqual(sub.multiply([1, 10], width: 1), [50, 5])
    }
}

final class SubspaceEigensolverTests: XCTestCase {
    func testTopEigenpairsMatchLAPACK() {
        // A random symmetric PSD matrix M = GᵀG / n with a clear spectrum.
        var rng = SplitMix64(seed: 1)
        let n = 60
        let g = (0..<(n * n)).map { _ in rng.nextNormal() }
        var m = DenseBlock.multiply(g, g, m: n, n: n, k: n, transposeA: true).map { $0 / Float(n) }
        for i in 0..<4 { m[i * n + i] += Float(10 - 2 * i) }   // plant a gap after 4 eigenvalues
        let exact = DenseBlock.symmetricEigen(m, size: n)
        let r = SubspaceEigensolver(wanted: 4, maxIterations: 500, tolerance: 1e-4).solve(size: n, rng: &rng) { x, b in
            DenseBlock.multiply(m, x, m: n, n: b, k: n)
        }
        XCTAssertTrue(r.converged)
        for j in 0..<4 {
            XCTAssertEqual(r.values[j], exact.values[j], accuracy: 1e-3 * exact.values[0])
            var dot: Float = 0
            for i in 0..<n { dot += r.vectors[i * 4 + j] * exact.vectors[i * n + j] }
            XCTAssertEqual(abs(dot), 1, accuracy: 1e-3)
        }
    }
}

final class RandomizedSVDTests: XCTestCase {
    func testRecoversSingularValuesOfLowRankMatrix() {
        // rows 0–9 = (3, 0, 0, 0) pattern-ish: a rank-2 matrix with singular values √10·3 and √10·2
        var entries: [(row: Int, column: Int, value: Float)] = []
        for i in 0..<10 { entries.append((i, 0, 3)) }
        for i in 10..<20 { entries.append((i, 3, 2)) }
        let a = SparseMatrix(rows: 20, columns: 5, entries: entries)
        var rng = SplitMix64(seed: 2)
        let r = RandomizedSVD(rank: 2).decompose(a, rng: &rng)
        XCTAssertEqual(r.singularValues[0], 3 * Float(10).squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(r.singularValues[1], 2 * Float(10).squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(abs(r.rowEmbedding[0 * 2 + 0]), 3, accuracy: 1e-3)   // row 0 projects to (±3, 0)
        XCTAssertEqual(abs(r.rowEmbedding[15 * 2 + 1]), 2, accuracy: 1e-3)
    }
}

final class KMeansTests: XCTestCase {
    func testSeparatesBlobsAndIsDeterministic() {
        var rng = SplitMix64(seed: 3)
        let centers: [(Float, Float)] = [(0, 0), (10, 0), (0, 10)]
        var points: [Float] = []
        for i in 0..<90 { let c = centers[i % 3]; points += [c.0 + rng.nextNormal() * 0.5, c.1 + rng.nextNormal() * 0.5] }
        var r1 = SplitMix64(seed: 4), r2 = SplitMix64(seed: 4)
        let a = KMeans(clusters: 3, restarts: 2).fit(points, count: 90, dimensions: 2, rng: &r1)
        let b = KMeans(clusters: 3, restarts: 2).fit(points, count: 90, dimensions: 2, rng: &r2)
        XCTAssertEqual(a.assignment, b.assignment)
        for i in 0..<90 { XCTAssertEqual(a.assignment[i], a.assignment[i % 3], "point \(i)") }
        XCTAssertEqual(Set(a.assignment).count, 3)
    }
}

final class SpectralClusteringTests: XCTestCase {
    func testTwoCliquesJoinedByOneEdge() {
        var entries: [(row: Int, column: Int, value: Float)] = []
        for block in 0..<2 { for i in 0..<8 { for j in 0..<8 where i != j { entries.append((block * 8 + i, block * 8 + j, 1)) } } }
        entries += [(0, 8, 1), (8, 0, 1)]
        var rng = SplitMix64(seed: 5)
        let r = SpectralClustering(clusters: 2).fit(SparseMatrix(rows: 16, columns: 16, entries: entries), rng: &rng)!
        XCTAssertEqual(Set(r.labels[0..<8]).count, 1)
        XCTAssertEqual(Set(r.labels[8..<16]).count, 1)
        XCTAssertNotEqual(r.labels[0], r.labels[8])
    }

    func testNoEdgesGivesNil() {
        var rng = SplitMix64(seed: 5)
        XCTAssertNil(SpectralClustering(clusters: 2).fit(SparseMatrix(rows: 4, columns: 4, entries: []), rng: &rng))
    }
}
