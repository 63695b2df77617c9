// `rq-codes` item IDs (TIGER, Rajput et al. 2023 "Recommender Systems with Generative Retrieval"): item text
// → vector → residual quantization into `levels` codes of `codebook_size` each, plus a de-duplication code
// so items with the same codes stay distinct; `<r1_12><r2_200><r3_3><rd_0>`. TIGER: 3 levels × 256 codes
// from an RQ-VAE over Sentence-T5 embeddings, plus a 4th code for collisions. Here, without a text encoder:
// TF-IDF over the catalog (TermWeights) reduced by truncated SVD (RandomizedSVD, sgemm + sparse products)
// to `dimensions` components, then residual k-means (seeded k-means++) level by level — RQ-VAE's quantizer
// without the learned encoder. (Mean-pooled T5 encoder states as vectors need the model: not built here.)
//
// Legend: N items, D dimensions, C codebook size, L levels.

public struct RQCodeIDs: ItemIDStrategy {
    public struct Config: ComponentConfig, Equatable {
        /// Residual quantization levels (TIGER: 3).
        public var levels: Int = 3
        /// Codes per level (TIGER: 256).
        public var codebookSize: Int = 256
        /// SVD components of the TF-IDF matrix.
        public var dimensions: Int = 64
        /// Power iterations of the randomized SVD.
        public var powerIterations: Int = 2
        /// Lloyd iterations per level.
        public var kmeansIterations: Int = 50

        public init() {}
        public init(levels: Int = 3, codebookSize: Int = 256, dimensions: Int = 64, powerIterations: Int = 2,
                    kmeansIterations: Int = 50) {
            self.levels = levels
            self.codebookSize = codebookSize
            self.dimensions = dimensions
            self.powerIterations = powerIterations
            self.kmeansIterations = kmeansIterations
        }

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            for (key, v) in [("levels", levels), ("codebook_size", codebookSize), ("dimensions", dimensions)] {
                c.require(v >= 1, key, "must be at least 1 (got \(v))")
            }
            return c.problems
        }
    }

    public let config: Config
    public init(config: Config = Config()) { self.config = config }

    public func assign(_ input: ItemIDInput) throws -> ItemIDAssignment {
        if let p = config.validate().first { throw ItemIDError.invalidConfig(strategy: "rq-codes", key: p.key, problem: p.message) }
        let n = input.catalog.count
        guard n > 0 else { return ItemIDAssignment(ids: []) }
        var rng = SplitMix64(seed: input.seed).derived("item-ids.rq-codes")
        let weights = TermWeights(catalog: input.catalog)
        let svd = RandomizedSVD(rank: config.dimensions, powerIterations: config.powerIterations)
            .decompose(weights.matrix(), rng: &rng)
        let d = svd.rank
        var residual = svd.rowEmbedding                                        // [N, D]
        var codes = [[Int]](repeating: [], count: n)                            // [N][L]
        var usage: [String] = []
        for level in 0..<config.levels {
            let km = KMeans(clusters: config.codebookSize, iterations: config.kmeansIterations)
                .fit(residual, count: n, dimensions: d, rng: &rng)
            var perCode = [Int](repeating: 0, count: config.codebookSize)
            for i in 0..<n {
                let c = km.assignment[i]
                codes[i].append(c)
                perCode[c] += 1
                for j in 0..<d { residual[i * d + j] -= km.centroids[c * d + j] }
            }
            usage.append("level \(level + 1): \(perCode.filter { $0 > 0 }.count)/\(config.codebookSize) codes used, largest \(perCode.max() ?? 0) items")
        }
        // De-duplication code: the k-th item (catalog order) with a given code tuple gets `<rd_k>` (TIGER's 4th code).
        var seen: [[Int]: Int] = [:]
        var tokens = Set<String>()
        var ids: [String] = []
        for i in 0..<n {
            let k = seen[codes[i], default: 0]
            seen[codes[i]] = k + 1
            var id = ""
            for (level, c) in codes[i].enumerated() { id += "<r\(level + 1)_\(c)>" }
            let dedup = "<rd_\(k)>"
            tokens.formUnion(IDReportCard.split(id))
            tokens.insert(dedup)
            ids.append(id + dedup)
        }
        let shared = seen.values.filter { $0 > 1 }
        return ItemIDAssignment(ids: ids, addedTokens: tokens.sorted(), report: [
            "vectors": "TF-IDF (\(weights.vocabulary.count) terms) → truncated SVD, \(d) components",
            "code_usage": usage.joined(separator: "; "),
            "collisions": "\(shared.reduce(0, +)) items in \(shared.count) shared code tuples, resolved by the "
                + "de-duplication code (largest tuple \(seen.values.max() ?? 0) items)",
        ])
    }
}
