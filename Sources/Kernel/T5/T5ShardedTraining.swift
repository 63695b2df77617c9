// A training step's loss and gradients computed in shards: the batch's rows are split into `shards` parts,
// each run forward and backward on its own core with the Kernel serial inside (data parallelism on one
// machine). Splitting every product and loop of one batch over the cores makes both cores wait for each
// other hundreds of times a step; two independent halves do not, and their GEMMs reach the throughput of
// two free-running threads.
//
// Same mathematics as `model.loss(batch)` + `backward()`: the loss is the mean over all labelled tokens of
// the batch (each shard's backward is seeded with its share of them), gradients land in the model's own
// parameters, and shard 0 runs on the model itself while the others run on replicas that share its weights'
// storage (copy-on-write, never copied). Dropout: the model's generator gives one draw per step, and shard s
// draws its masks from sub-stream s of it — so the numbers depend on the shard count, which is fixed, and not
// on how many cores run the shards (on one core they run one after the other, with the same results).
// Float sums differ from the unsharded step in rounding order only.
public final class T5ShardedTraining {
    public let model: T5Model
    public let shards: Int
    private var replicas: [T5Model] = []

    /// Two shards: as many as this machine kind has cores; fixed so that results do not depend on the machine.
    public static let defaultShards = 2

    public init(model: T5Model, shards: Int = T5ShardedTraining.defaultShards) {
        precondition(shards >= 1, "at least one shard")
        self.model = model
        self.shards = shards
    }

    /// Runs forward and backward for the whole batch and returns its loss (mean token cross-entropy, padding
    /// ignored); gradients are added to the model's parameters (zero them first, as for `backward()`).
    public func lossAndGradients(_ batch: T5Batch, labelSmoothing: Float = 0) -> Float {
        let n = min(shards, batch.batch)
        guard n > 1 else {
            let loss = model.loss(batch, labelSmoothing: labelSmoothing)
            loss.backward()
            return loss.item
        }
        let parts = (0..<n).map { s in T5ShardedTraining.rows(of: batch, batch.batch * s / n ..< batch.batch * (s + 1) / n) }
        let counts = parts.map { $0.labels.reduce(0) { $0 + ($1 == Tensor.ignoreIndex ? 0 : 1) } }
        let total = counts.reduce(0, +)
        let models = [model] + replicasInSync(n - 1)
        let seed = model.dropoutRNG.next(), resume = model.dropoutRNG
        var losses = [Float](repeating: 0, count: n)
        losses.withUnsafeMutableBufferPointer { out in
            Parallel.shards(n) { s in
                let m = models[s]
                m.dropoutRNG = SplitMix64.stream(seed, UInt64(s))
                let loss = m.loss(parts[s], labelSmoothing: labelSmoothing)
                out[s] = loss.item
                if counts[s] > 0 && loss.requiresGrad { loss.backward(seed: [Float(counts[s]) / Float(total)]) }
            }
        }
        model.dropoutRNG = resume
        // Replica gradients into the model's, in shard order; then the replicas let go of the weights, so the
        // optimizer updates them in place instead of copying.
        let params = model.parameters
        for replica in models.dropFirst() {
            for (p, r) in zip(params, replica.parameters) {
                guard let g = r.grad else { continue }
                p.accumulate(g)
                r.grad = nil
                r.data = []
            }
        }
        guard total > 0 else { return 0 }
        var loss: Double = 0
        for s in 0..<n { loss += Double(losses[s]) * Double(counts[s]) }
        return Float(loss / Double(total))
    }

    /// `count` replicas whose parameters share the model's current weight storage (rebuilt when the model's
    /// parameters changed shape, e.g. after a vocabulary resize).
    private func replicasInSync(_ count: Int) -> [T5Model] {
        let params = model.parameters
        if replicas.count < count || replicas.contains(where: { $0.config != model.config }) {
            replicas = (0..<count).map { _ in T5Model(config: model.config, seed: 0) }
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

    /// Rows `range` of a batch (same padded lengths).
    static func rows(of b: T5Batch, _ range: Range<Int>) -> T5Batch {
        let s = b.sourceLength, t = b.targetLength
        return T5Batch(batch: range.count,
                       inputIDs: Array(b.inputIDs[(range.lowerBound * s)..<(range.upperBound * s)]),
                       attentionMask: Array(b.attentionMask[(range.lowerBound * s)..<(range.upperBound * s)]),
                       decoderInputIDs: Array(b.decoderInputIDs[(range.lowerBound * t)..<(range.upperBound * t)]),
                       labels: Array(b.labels[(range.lowerBound * t)..<(range.upperBound * t)]))
    }
}
