import IDGenPlugins

/// A one-layer T5 (dropout on) and 30 (source → target) pairs: small enough for exact training tests.
enum TinySeq2Seq {
    static func model() -> T5Model {
        var c = T5Config()
        c.vocabSize = 30; c.dModel = 16; c.dKV = 4; c.dFF = 24; c.numLayers = 1; c.numDecoderLayers = 1
        c.numHeads = 4; c.relativeAttentionNumBuckets = 8; c.relativeAttentionMaxDistance = 12; c.dropoutRate = 0.1
        return T5Model(config: c, seed: 11)
    }

    static func pairs() -> [Seq2SeqPair] {
        (0..<30).map { i in Seq2SeqPair(source: [2 + i % 7, 3 + i % 5, 4 + i % 11, 1], target: [2 + (i * 3) % 13, 1]) }
    }
}
