// `sequential` item IDs (P5-SID; Geng et al. 2022, Hua et al. 2023 "How to Index Item IDs"): items numbered
// in order of first appearance, users taken in dataset order (OpenP5's `original` order), numbers starting at
// OpenP5's 1001 so every ID has the same digit count.
//
// Numbered from the TRAINING sequences only. P5 numbered items by walking each user's *full* sequence, so a
// user's validation and test items got the numbers right after their history (history …1017, 1018 → target
// 1019): the model could "predict" the target by counting. Here an item's number depends only on training
// data; items never seen in training are numbered after all training items, in catalog order — no position in
// any user's history can reveal them.
//
// Legend: N items.

public struct SequentialIDs: ItemIDStrategy {
    /// Rendering (`digits` | `atomic`) and first number (1001, as OpenP5).
    public typealias Config = NumberedIDConfig

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        try TokenSequenceKey.validate(input, strategy: "sequential")
        let n = input.catalog.count
        var rank = [Int](repeating: -1, count: n)                   // [N] order of first appearance
        var next = 0
        for sequence in input.trainingSequences {
            for item in sequence where rank[item] < 0 { rank[item] = next; next += 1 }
        }
        let seenInTraining = next
        for item in 0..<n where rank[item] < 0 { rank[item] = next; next += 1 }
        let numbers = rank.map { $0 + config.firstNumber }
        return NumberedIDs.render(numbers, rendering: config.rendering, report: [
            "order": "first appearance in training sequences",
            "unseen_in_training": "\(n - seenInTraining) items numbered after the \(seenInTraining) training items, catalog order",
            "collisions": "none (distinct numbers)",
        ])
    }
}
