// `random` item IDs (P5-RID; Hua et al. 2023): every item gets a distinct number drawn at random — OpenP5
// shuffles the items and numbers them from 1001 — so numbers carry no collaborative or sequential signal.
// The shuffle is a seeded Fisher–Yates over the catalog, hence the same seed gives the same IDs.
//
// Legend: N items.

public struct RandomIDs: ItemIDStrategy {
    public struct Config: Codable, Equatable {
        /// `digits` (plain digit text, split by the tokenizer, as P5) or `atomic` (`<item_1001>` tokens).
        public var rendering: NumberRendering = .digits
        /// Numbers are a permutation of firstNumber ..< firstNumber + N (OpenP5: 1001).
        public var firstNumber: Int = 1001

        enum CodingKeys: String, CodingKey {
            case rendering
            case firstNumber = "first_number"
        }

        public init(rendering: NumberRendering = .digits, firstNumber: Int = 1001) {
            self.rendering = rendering
            self.firstNumber = firstNumber
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rendering = try c.decodeIfPresent(NumberRendering.self, forKey: .rendering) ?? .digits
            firstNumber = try c.decodeIfPresent(Int.self, forKey: .firstNumber) ?? 1001
        }
    }

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
