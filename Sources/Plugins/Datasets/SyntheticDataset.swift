// The `synthetic` dataset: a seeded, Amazon-Beauty-like catalog (SyntheticCatalog) and users with latent
// tastes and routines, so the demo and the tests run on a fresh machine with no downloads, and so that both
// textual/semantic IDs (brand, family and type words predict the next item) and sequence models (the next
// routine step of the same product line) have real signal that popularity does not.
//
// A user has a preferred family, two preferred brands in it and a preferred benefit. Each step either follows
// the routine of the current line (cleanser → toner → serum …), switches to another preferred line at the next
// routine step, or jumps to a popular item anywhere (noise). Deterministic for a seed.
//
// Legend: U users, N items, L sequence length.
import Foundation

public struct SyntheticDataset: DatasetSource {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Number of users.
        public var users: Int = 3000
        /// Number of catalog items (exact).
        public var items: Int = 2000
        /// Seed of every random choice.
        public var seed: UInt64 = 42
        /// Name used in prompts and reports.
        public var name: String = "synthetic"
        /// Mean sequence length (minimum 5, so leave-one-out leaves ≥ 3 training items).
        public var meanLength: Double = 9
        /// Probability that the next purchase is the next routine step of the same product line.
        public var routineProbability: Double = 0.6
        /// Probability of a jump to a popular item anywhere in the catalog (noise).
        public var noiseProbability: Double = 0.15

        public init() {}
        public init(users: Int = 3000, items: Int = 2000, seed: UInt64 = 42, meanLength: Double = 9,
                    routineProbability: Double = 0.6, noiseProbability: Double = 0.15, name: String = "synthetic") {
            self.users = users
            self.items = items
            self.seed = seed
            self.meanLength = meanLength
            self.routineProbability = routineProbability
            self.noiseProbability = noiseProbability
            self.name = name
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(users >= 1, "users", "must be ≥ 1, got \(users)")
            c.require(items >= 20, "items", "must be ≥ 20 (the catalog is built from product lines), got \(items)")
            c.require(meanLength >= 5, "mean_length", "must be ≥ 5 (leave-one-out then keeps ≥ 3 training items), got \(meanLength)")
            c.require(routineProbability >= 0, "routine_probability", "must be ≥ 0, got \(routineProbability)")
            c.require(noiseProbability >= 0, "noise_probability", "must be ≥ 0, got \(noiseProbability)")
            c.require(routineProbability + noiseProbability <= 1, "noise_probability",
                      "routine_probability + noise_probability must be ≤ 1, got \(routineProbability + noiseProbability)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) { self.config = config }

    public func load() throws -> Interactions {
        let c = config
        if let p = c.validate().first { throw DatasetError.invalidConfig(component: "synthetic", reason: p.description) }
        var rng = SplitMix64.stream(c.seed, 0)
        let catalog = SyntheticCatalog(itemCount: c.items, rng: &rng)
        let popularity = catalog.lines.map(\.popularity)
        var sequences: [[Int]] = []
        var times: [[Int64]] = []
        let width = String(c.users).count
        var userIDs: [String] = []
        for u in 0..<c.users {
            var urng = SplitMix64.stream(c.seed, UInt64(u) + 1)
            let (seq, t) = user(catalog: catalog, popularity: popularity, rng: &urng)
            sequences.append(seq)
            times.append(t)
            let id = String(u + 1)
            userIDs.append("user_" + String(repeating: "0", count: width - id.count) + id)
        }
        return Interactions(name: c.name, items: catalog.items, userIDs: userIDs, sequences: sequences, timestamps: times,
                            notes: ["synthetic: \(catalog.lines.count) product lines, seed \(c.seed)"])
    }

    /// One user's sequence and times (seconds since epoch, increasing).
    private func user(catalog: SyntheticCatalog, popularity: [Double], rng: inout SplitMix64) -> ([Int], [Int64]) {
        let c = config
        let families = SyntheticVocabulary.families
        let family = SyntheticDataset.choose(SyntheticVocabulary.familyWeights, &rng)
        let familyBrands = Set(catalog.lines.filter { $0.family == family }.map(\.brand)).sorted()
        let brands = Set((0..<2).map { _ in familyBrands.isEmpty ? "" : familyBrands[Int(rng.next() % UInt64(familyBrands.count))] })
        let benefit = Int(rng.next() % UInt64(families[family].benefits.count))
        // Taste: how much this user likes each line (popularity × brand, benefit and family affinity).
        let taste = catalog.lines.map { line -> Double in
            guard line.family == family else { return line.popularity * 0.02 }
            return line.popularity * (brands.contains(line.brand) ? 8 : 1) * (line.benefit == benefit ? 3 : 1)
        }
        let length = min(60, 5 + Int((-log(1 - rng.nextUnit()) * (c.meanLength - 5)).rounded(.down)))
        var seq: [Int] = []
        var line = SyntheticDataset.choose(taste, &rng)
        var step = rng.nextUnit() < 0.7 ? 0 : Int(rng.next() % UInt64(catalog.lines[line].items.count))
        var bought = Set<Int>()
        var attempts = 0
        while seq.count < length && attempts < 50 * length {
            attempts += 1
            // Purchases do not repeat (Amazon-like; repeats would make test targets trivially in history).
            let item = catalog.lines[line].items[min(step, catalog.lines[line].items.count - 1)]
            if bought.insert(item).inserted { seq.append(item) }
            let r = rng.nextUnit()
            if r < c.noiseProbability {
                line = SyntheticDataset.choose(popularity, &rng)
                step = Int(rng.next() % UInt64(catalog.lines[line].items.count))
            } else if r < c.noiseProbability + c.routineProbability, step + 1 < catalog.lines[line].items.count {
                step += 1
            } else {
                // Another line to taste, continuing the routine where it stands (or starting over at its end).
                line = SyntheticDataset.choose(taste, &rng)
                step = step + 1 < catalog.lines[line].items.count ? step + 1 : 0
            }
        }
        var t = Int64(1_514_764_800) + Int64(rng.next() % (2 * 365 * 86_400))
        var times: [Int64] = []
        for _ in seq {
            times.append(t)
            t += 3_600 + Int64(rng.next() % (30 * 86_400))
        }
        return (seq, times)
    }

    /// An index drawn with probability proportional to `weights`.
    static func choose(_ weights: [Double], _ rng: inout SplitMix64) -> Int {
        let total = weights.reduce(0, +)
        var r = rng.nextUnit() * total
        for (i, w) in weights.enumerated() {
            r -= w
            if r < 0 { return i }
        }
        return weights.count - 1
    }
}
