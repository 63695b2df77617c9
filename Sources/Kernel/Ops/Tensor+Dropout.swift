// Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p);
// the mask comes from the run's seeded generator. Identity outside training or when p = 0.

extension Tensor {
    public func dropout(_ p: Float, training: Bool, rng: inout SplitMix64) -> Tensor {
        guard training, p > 0 else { return self }
        let x = self
        let scale = 1 / (1 - p)
        var keep = [Float](repeating: 0, count: count)
        for i in 0..<count { keep[i] = rng.nextUniform() >= p ? scale : 0 }
        var y = data
        for i in 0..<count { y[i] *= keep[i] }
        return Tensor(shape: shape, data: y, parents: [x]) { t in
            let dy = t.grad!
            x.accumulate { g in for i in 0..<dy.count { g[i] += dy[i] * keep[i] } }
        }
    }
}
