// `sasrec`: the self-attentive sequential recommender (Kang & McAuley 2018) trained the "well-tuned" way —
// full-softmax cross-entropy over all items at every position (Cornac's and RecBole's CE SASRec, which reach
// HR@10 ≈ .074 on Amazon Beauty leave-one-out) — with Adam(W) at lr 1e-3 and batches of 128 user windows.
// The network is in SASRecModel.swift; this file holds the config, the training loop and ranking.
// Its numbers on Beauty (defaults, 40 epochs) are in benchmarks/RESULTS.md, "Baselines on Beauty"
// (`idgenrec-bench baselines-beauty`).
//
// Legend: U users, L max length, N items, k list length.

import Foundation

public final class SASRecRecommender: SequentialRecommender {
    public struct Config: ComponentConfig, Equatable {
        /// Width D of embeddings and blocks (paper: 50; 64 is the common tuned value).
        public var hiddenSize: Int = 64
        /// Self-attention blocks (paper: 2).
        public var numBlocks: Int = 2
        /// Attention heads (paper: 1).
        public var numHeads: Int = 1
        /// Longest history window L (paper: 50 for Amazon data); older items are dropped.
        public var maxLength: Int = 50
        /// Dropout on embeddings, attention weights and sublayer outputs (paper: 0.5 on sparse Amazon data,
        /// 0.2 on MovieLens-1M).
        public var dropout: Double = 0.5
        /// Adam learning rate (paper: 1e-3).
        public var learningRate: Double = 1e-3
        /// Decoupled weight decay on embeddings and matrices (0 = the paper's plain Adam).
        public var weightDecay: Double = 0
        /// User windows per optimizer step (paper: 128).
        public var batchSize: Int = 128
        /// Passes over the training users (40 reach Cornac's Beauty HR@10, see above).
        public var epochs: Int = 40
        /// Optional wall-time budget: training stops after the epoch that crosses it (CPU protocol).
        public var maxSeconds: Double? = nil
        /// Histories scored per forward pass at recommendation time.
        public var evaluationBatchSize: Int = 256
        /// Group users of similar history length into the same batch (batches cut from pools of 50 batches
        /// sorted by length, then shuffled): most Amazon users have < 10 items, so a random batch padded to
        /// its longest window is mostly padding. Off = plain random batches as the reference code.
        public var bucketByLength: Bool = true

        public init() {}

        /// Shapes the model can be built with (a width that heads do not divide used to stop the process in
        /// SASRecBlock's precondition, after the data were prepared) and training settings that can run.
        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(hiddenSize >= 1, "hidden_size", "must be ≥ 1, got \(hiddenSize)")
            c.require(numHeads >= 1 && hiddenSize % max(numHeads, 1) == 0, "num_heads",
                      "must be ≥ 1 and divide hidden_size (\(hiddenSize)), got \(numHeads)")
            c.require(maxLength >= 1, "max_length", "must be ≥ 1, got \(maxLength)")
            c.require((0..<1).contains(dropout), "dropout", "must be in [0, 1), got \(dropout)")
            c.require(batchSize >= 1, "batch_size", "must be ≥ 1, got \(batchSize)")
            c.require(evaluationBatchSize >= 1, "evaluation_batch_size", "must be ≥ 1, got \(evaluationBatchSize)")
            if let s = maxSeconds { c.require(s >= 0, "max_seconds", "must be ≥ 0, got \(s)") }
            return c.problems
        }
    }

    public let config: Config
    public private(set) var model: SASRecModel?

    public init(config: Config = Config()) { self.config = config }

    public func fit(trainingSequences: [[Int]], itemCount: Int, seed: UInt64,
                    progress: ((RecommenderProgress) -> Void)?) throws {
        _ = try config.checked(by: "sasrec")
        try Self.validate(trainingSequences, itemCount: itemCount)
        // One next-item example per user: inputs s[0..<n−1], targets s[1..<n], the newest L of each.
        let examples = trainingSequences.filter { $0.count >= 2 }.map {
            (input: Array($0.dropLast().suffix(config.maxLength)), target: Array($0.dropFirst().suffix(config.maxLength)))
        }
        guard !examples.isEmpty else { throw RecommenderError.noTrainingData("sasrec") }
        let root = SplitMix64(seed: seed)
        var initRNG = root.derived("init"), shuffleRNG = root.derived("shuffle"), dropoutRNG = root.derived("dropout")
        let model = SASRecModel(itemCount: itemCount, config: config, rng: &initRNG)
        var adam = AdamW.Config()
        adam.learningRate = Float(config.learningRate)
        adam.weightDecay = Float(config.weightDecay)
        adam.epsilon = 1e-8   // torch.optim.Adam's default, as the reference port
        let optimizer = AdamW(parameters: model.parameters, noDecay: model.noDecay, config: adam)
        let start = Date()
        for epoch in 1...max(config.epochs, 1) {
            let epochStart = Date()
            var lossSum = 0.0, batches = 0
            for members in batchOrder(examples.map(\.input.count), rng: &shuffleRNG) {
                let batch = members.map { examples[$0] }
                let (ids, t) = model.padded(batch.map(\.input))
                var targets = [Int](repeating: -1, count: batch.count * t)
                for (r, e) in batch.enumerated() {
                    for (p, item) in e.target.enumerated() { targets[r * t + (t - e.target.count) + p] = item }
                }
                let loss = model.loss(ids: ids, targets: targets, batch: batch.count, length: t, rng: &dropoutRNG)
                loss.backward()
                optimizer.update()
                optimizer.zeroGrad()
                lossSum += Double(loss.item)
                batches += 1
            }
            let seconds = Date().timeIntervalSince(epochStart)
            progress?(RecommenderProgress(epoch: epoch, epochs: config.epochs, step: optimizer.step,
                                          loss: lossSum / Double(max(batches, 1)),
                                          samplesPerSecond: Double(examples.count) / max(seconds, 1e-9),
                                          elapsedSeconds: Date().timeIntervalSince(start)))
            if let budget = config.maxSeconds, Date().timeIntervalSince(start) >= budget { break }
        }
        self.model = model
    }

    /// This epoch's batches (indices into the examples), shuffled; bucketed by length when configured.
    func batchOrder(_ lengths: [Int], rng: inout SplitMix64) -> [[Int]] {
        let size = max(config.batchSize, 1)
        guard config.bucketByLength else {
            var order = Array(lengths.indices)
            order.shuffle(using: &rng)
            return stride(from: 0, to: order.count, by: size).map { Array(order[$0..<min($0 + size, order.count)]) }
        }
        return LengthBucketedBatches(batchSize: size, ties: .byIndex).indices(lengths: lengths, rng: &rng)
    }

    public func recommend(histories: [[Int]], k: Int) throws -> [[Int]] {
        guard let model else { throw RecommenderError.notFitted("sasrec") }
        var out: [[Int]] = []
        out.reserveCapacity(histories.count)
        let n = model.itemCount
        for lo in stride(from: 0, to: histories.count, by: max(config.evaluationBatchSize, 1)) {
            let windows = histories[lo..<min(lo + config.evaluationBatchSize, histories.count)]
                .map { Array($0.filter { $0 >= 0 && $0 < n }.suffix(config.maxLength)) }
            let scores = model.scores(windows: windows)
            for r in 0..<windows.count {
                out.append(TopK.indices(count: n, k: k) { scores[r * n + $0] })
            }
        }
        return out
    }
}
