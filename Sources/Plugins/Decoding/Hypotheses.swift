// The finished hypotheses of one beam group, as HF's `BeamHypotheses`: at most `capacity`, each scored
import Foundation
// sum / length^α, and HF's `early_stopping=False` test of whether more search could still improve them.
struct Hypotheses {
    let capacity: Int
    private(set) var entries: [GeneratedSequence] = []   // [≤ capacity] descending by normalized score

    init(capacity: Int) { self.capacity = capacity }

    /// `length` is HF's `hyp.shape[-1]`: decoder start + generated tokens before EOS.
    mutating func add(tokens: [Int], score sum: Float, length: Int, lengthPenalty: Float) {
        let score = sum / powf(Float(length), lengthPenalty)
        guard entries.count < capacity || score > entries[entries.count - 1].score else { return }
        var i = entries.count
        while i > 0 && entries[i - 1].score < score { i -= 1 }
        entries.insert(GeneratedSequence(tokens: tokens, score: score), at: i)
        if entries.count > capacity { entries.removeLast() }
    }

    /// HF `is_done`: full, and the worst kept beats the best candidate's sum over the current length^α.
    func isDone(bestSum: Float, currentLength: Int, lengthPenalty: Float) -> Bool {
        guard entries.count >= capacity, let worst = entries.last?.score else { return false }
        return worst >= bestSum / powf(Float(currentLength), lengthPenalty)
    }
}
