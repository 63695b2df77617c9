// The optimizer keys every trainer shares, declared once (InlineConfig: the keys stay flat in the file).
// As the IDGenRec reference: AdamW with weight decay 0.01 and eps 1e-6, linear warm-up then linear decay,
// gradients clipped to norm 1.
public struct OptimizerSettings: InlineConfig, Equatable {
    /// Fraction of the steps spent warming the learning rate up from 0.
    public var warmupRatio: Double = 0.05
    /// AdamW's decoupled weight decay (not applied to layer norms).
    public var weightDecay: Float = 0.01
    public var adamEpsilon: Float = 1e-6
    /// Global gradient-norm clipping.
    public var maxGradNorm: Float = 1.0

    public init() {}

    public func validate() -> [ConfigProblem] {
        var c = ConfigChecks()
        c.require((0...1).contains(warmupRatio), "warmup_ratio", "must be in 0…1, got \(warmupRatio)")
        c.require(weightDecay >= 0, "weight_decay", "must be ≥ 0, got \(weightDecay)")
        c.require(adamEpsilon > 0, "adam_epsilon", "must be > 0, got \(adamEpsilon)")
        c.require(maxGradNorm > 0, "max_grad_norm", "must be > 0, got \(maxGradNorm)")
        return c.problems
    }

    /// AdamW over `params` at `learningRate`, layer norms (`noDecay`) without weight decay.
    public func adamW(_ params: [Tensor], noDecay: [Tensor], learningRate: Float) -> AdamW {
        let skip = Set(noDecay.map(ObjectIdentifier.init))
        var adam = AdamW.Config()
        adam.learningRate = learningRate
        adam.weightDecay = weightDecay
        adam.epsilon = adamEpsilon
        return AdamW(parameters: params, noDecay: params.filter { skip.contains(ObjectIdentifier($0)) }, config: adam)
    }
}
