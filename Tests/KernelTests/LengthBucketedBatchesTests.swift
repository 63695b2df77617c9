import XCTest
import IDGenKernel

/// `LengthBucketedBatches` replaced two copies of the same bucketing (the seq2seq trainer's and the SASRec
/// baseline's). Training must stay bit-identical, so the helper is checked against both former bodies, kept
/// here verbatim as references, on the same seeds: same batches, same order, same state of the generator after.
final class LengthBucketedBatchesTests: XCTestCase {
    /// The former `Seq2SeqTrainer.bucketedBatches`, on sources (a pair's length is its source's count).
    static func formerSeq2Seq(_ pairs: [[Int]], batchSize: Int, rng: inout SplitMix64) -> [[[Int]]] {
        var order = Array(pairs.indices)
        order.shuffle(using: &rng)
        let chunk = batchSize * 50
        var batches: [[[Int]]] = []
        for lo in stride(from: 0, to: order.count, by: chunk) {
            let sorted = order[lo..<min(lo + chunk, order.count)].sorted { pairs[$0].count < pairs[$1].count }
            for b in stride(from: 0, to: sorted.count, by: batchSize) {
                batches.append(sorted[b..<min(b + batchSize, sorted.count)].map { pairs[$0] })
            }
        }
        batches.shuffle(using: &rng)
        return batches
    }

    /// The former bucketed branch of `SASRecRecommender.batchOrder`.
    static func formerSASRec(_ lengths: [Int], size: Int, rng: inout SplitMix64) -> [[Int]] {
        var order = Array(lengths.indices)
        order.shuffle(using: &rng)
        var batches: [[Int]] = []
        let pool = size * 50
        for lo in stride(from: 0, to: order.count, by: pool) {
            let sorted = order[lo..<min(lo + pool, order.count)].sorted { lengths[$0] != lengths[$1] ? lengths[$0] < lengths[$1] : $0 < $1 }
            for b in stride(from: 0, to: sorted.count, by: size) { batches.append(Array(sorted[b..<min(b + size, sorted.count)])) }
        }
        batches.shuffle(using: &rng)
        return batches
    }

    /// Sequences with many equal lengths (1...maxLength), so the tie order matters; each tagged by its index.
    static func sequences(count: Int, maxLength: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        return (0 ..< count).map { i in [i] + [Int](repeating: 0, count: Int(rng.next() % UInt64(maxLength))) }
    }

    func testSameBatchesAndDrawsAsBothFormerCopies() {
        for (count, batchSize, seed) in [(0, 4, 1), (7, 4, 2), (250, 2, 3), (1000, 3, 4), (1337, 16, 5), (5000, 1, 6)] as [(Int, Int, UInt64)] {
            let seqs = Self.sequences(count: count, maxLength: 9, seed: seed)
            var old = SplitMix64(seed: seed), new = old
            XCTAssertEqual(LengthBucketedBatches(batchSize: batchSize, ties: .shuffled).batches(seqs, length: { $0.count }, rng: &new),
                           Self.formerSeq2Seq(seqs, batchSize: batchSize, rng: &old), "seq2seq \(count)/\(batchSize)")
            XCTAssertEqual(new.next(), old.next())
            let lengths = seqs.map(\.count)
            var oldS = SplitMix64(seed: seed), newS = oldS
            XCTAssertEqual(LengthBucketedBatches(batchSize: batchSize, ties: .byIndex).indices(lengths: lengths, rng: &newS),
                           Self.formerSASRec(lengths, size: batchSize, rng: &oldS), "sasrec \(count)/\(batchSize)")
            XCTAssertEqual(newS.next(), oldS.next())
        }
    }

    /// A recorded output of the former code (seed 2024, 12 sequences, batches of 2, pools of 100), so the
    /// check does not rest on the reference copies alone.
    func testRecordedOutputForASeed() {
        let lengths = [3, 1, 2, 3, 1, 2, 5, 1, 4, 2, 2, 3]
        var rng = SplitMix64(seed: 2024)
        XCTAssertEqual(LengthBucketedBatches(batchSize: 2, ties: .byIndex).indices(lengths: lengths, rng: &rng),
                       [[8, 6], [1, 4], [3, 11], [10, 0], [7, 2], [5, 9]])
        rng = SplitMix64(seed: 2024)
        XCTAssertEqual(LengthBucketedBatches(batchSize: 2, ties: .shuffled).indices(lengths: lengths, rng: &rng),
                       [[8, 6], [7, 4], [0, 11], [5, 3], [1, 2], [10, 9]])   // ties differ from .byIndex
    }
}
