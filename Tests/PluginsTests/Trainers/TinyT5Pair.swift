// A tiny ID generator + recommender pair sharing one 40-token vocabulary (pad 0, </s> 1), dropout 0, for the
// soft-ID and alternate-training tests.
import IDGenPlugins

enum TinyT5Pair {
    static func config(layers: Int = 1) -> T5Config {
        var c = T5Config()
        c.vocabSize = 40; c.dModel = 16; c.dKV = 4; c.dFF = 24; c.numLayers = layers; c.numDecoderLayers = layers
        c.numHeads = 4; c.relativeAttentionNumBuckets = 8; c.relativeAttentionMaxDistance = 12
        c.dropoutRate = 0
        return c
    }

    static func models(generatorSeed: UInt64 = 11, recommenderSeed: UInt64 = 12) -> (generator: T5Model, recommender: T5Model) {
        (T5Model(config: config(), seed: generatorSeed), T5Model(config: config(layers: 2), seed: recommenderSeed))
    }

    /// Item texts (generator inputs): a few tokens from 2..<40 then </s>.
    static func texts(count: Int, seed: UInt64) -> [[Int]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<(2 + Int(rng.next() % 4))).map { _ in 2 + Int(rng.next() % 38) } + [1] }
    }
}

extension TinyT5Pair {
    /// A generator taught (briefly) to emit extractive IDs — the first 1–3 tokens of each text, then </s> —
    /// as the textual strategy starts it; its greedy IDs then vary in content and length like real ones.
    static func taughtGenerator(texts: [[Int]], epochs: Double, seed: UInt64 = 11) throws -> T5Model {
        let gen = T5Model(config: config(), seed: seed)
        var c = Seq2SeqTrainer.Config()
        c.length.epochs = epochs; c.batchSize = 4; c.learningRate = 1e-2; c.optimizer.warmupRatio = 0
        let pairs = texts.enumerated().map { k, text in Seq2SeqPair(source: text, target: Array(text.prefix(1 + k % 3)) + [1]) }
        try Seq2SeqTrainer(config: c, phase: "generator-warm-up").train(model: gen, pairs: pairs, seed: seed)
        return gen
    }
}
