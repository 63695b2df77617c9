// The causal model's training step in shards, as `T5ShardedTraining` does for the T5: the batch's sequences
// split into halves, each run forward and backward on its own core (Kernel serial inside), the replicas
// sharing the model's weight storage, their gradients added into the model's in shard order. The loss is the
// mean over every scored token of the batch; dropout of shard s draws from sub-stream s of one draw per step.
//
// A pair is read as one sequence, source then target; position t is scored on the token at t + 1 when that
// token belongs to the target (the source is context only). Each shard pads its sequences to its own longest
// (right padding: causal attention never looks ahead, so padding needs no mask).
//
// Legend: B sequences, L padded length, V vocabulary.
public final class CausalShardedTraining {
    public let model: CausalLM
    public let shards: Int
    public let labelSmoothing: Float
    private var replicas: [CausalLM] = []

    public init(model: CausalLM, shards: Int = T5ShardedTraining.defaultShards, labelSmoothing: Float = 0) {
        precondition(shards >= 1, "at least one shard")
        self.model = model
        self.shards = shards
        self.labelSmoothing = labelSmoothing
    }

    /// Token ids [B, L] and labels [B, L] (the next target token, or `Tensor.ignoreIndex`) of `pairs`.
    public static func batch(_ pairs: [Seq2SeqPair], padID: Int) -> (ids: [Int], labels: [Int], length: Int) {
        let l = pairs.map { $0.source.count + $0.target.count }.max() ?? 0
        var ids = [Int](repeating: padID, count: pairs.count * l), labels = [Int](repeating: Tensor.ignoreIndex, count: pairs.count * l)
        for (b, pair) in pairs.enumerated() {
            let seq = pair.source + pair.target
            for (t, tok) in seq.enumerated() {
                ids[b * l + t] = tok
                if t + 1 < seq.count && t + 1 >= pair.source.count { labels[b * l + t] = seq[t + 1] }
            }
        }
        return (ids, labels, l)
    }

    /// Forward and backward over `pairs`; returns the mean token cross-entropy, gradients added to the
    /// model's parameters (zero them first).
    public func lossAndGradients(_ pairs: [Seq2SeqPair]) -> Float {
        let n = min(shards, pairs.count)
        guard n > 0 else { return 0 }
        let parts = (0..<n).map { s in Array(pairs[(pairs.count * s / n)..<(pairs.count * (s + 1) / n)]) }
        let batches = parts.map { Self.batch($0, padID: model.padID) }
        let counts = batches.map { $0.labels.reduce(0) { $0 + ($1 == Tensor.ignoreIndex ? 0 : 1) } }
        let total = counts.reduce(0, +)
        guard total > 0 else { return 0 }
        let models = [model] + replicasInSync(n - 1)
        let seed = model.dropoutRNG.next(), resume = model.dropoutRNG
        var losses = [Float](repeating: 0, count: n)
        losses.withUnsafeMutableBufferPointer { out in
            Parallel.shards(n) { s in
                let m = models[s], b = batches[s]
                guard counts[s] > 0 else { return }
                m.dropoutRNG = SplitMix64.stream(seed, UInt64(s))
                let rows = parts[s].count
                // Without smoothing, only the scored positions go through the LM head (`CausalLM.loss`).
                let loss = labelSmoothing == 0
                    ? m.loss(ids: b.ids, batch: rows, labels: b.labels)
                    : m.logits(ids: b.ids, batch: rows).reshaped([-1, m.config.vocabSize])
                        .crossEntropy(targets: b.labels, labelSmoothing: labelSmoothing)
                out[s] = loss.item
                if loss.requiresGrad { loss.backward(seed: [Float(counts[s]) / Float(total)]) }
            }
        }
        model.dropoutRNG = resume
        let params = model.parameters
        for replica in models.dropFirst() {
            for (p, r) in zip(params, replica.parameters) {
                guard let g = r.grad else { continue }
                p.accumulate(g)
                r.grad = nil
                r.data = []
            }
        }
        var loss: Double = 0
        for s in 0..<n { loss += Double(losses[s]) * Double(counts[s]) }
        return Float(loss / Double(total))
    }

    /// `count` replicas whose parameters share the model's current weight storage.
    private func replicasInSync(_ count: Int) -> [CausalLM] {
        let params = model.parameters
        if replicas.count < count || replicas.contains(where: { $0.config != model.config }) {
            replicas = (0..<count).map { _ in CausalLM(config: model.config, seed: 0) }
        }
        let used = Array(replicas.prefix(count))
        for replica in used {
            replica.training = model.training
            for (p, r) in zip(params, replica.parameters) {
                r.data = p.data
                r.shape = p.shape
                r.requiresGrad = p.requiresGrad
                r.grad = nil
            }
        }
        return used
    }
}
