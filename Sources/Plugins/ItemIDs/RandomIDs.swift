// `random` item IDs (P5-RID; Hua et al. 2023): every item gets a distinct number drawn at random — OpenP5
// shuffles the items and numbers them from 1001 — so numbers carry no collaborative or sequential signal.
// The shuffle is a seeded Fisher–Yates over the catalog, hence the same seed gives the same IDs.
//
// Legend: N items.

public struct RandomIDs: ItemIDStrategy {
    /// Rendering (`digits` | `atomic`) and first number (1001, as OpenP5).
    public typealias Config = NumberedIDConfig

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        var rng = SplitMix64(seed: input.seed).derived("item-ids.random")
        var numbers = Array(0..<input.catalog.count).map { $0 + config.firstNumber }   // [N]
        var i = numbers.count - 1
        while i > 0 {
            let j = Int(rng.next() % UInt64(i + 1))
            numbers.swapAt(i, j)
            i -= 1
        }
        return NumberedIDs.render(numbers, rendering: config.rendering, report: [
            "order": "seeded permutation (seed \(input.seed))",
            "collisions": "none (distinct numbers)",
        ])
    }
}
