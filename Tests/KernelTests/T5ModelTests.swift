// T5 behaviour that needs no reference file: cached decoding equals full decoding, gradients through the
// whole model match finite differences, and a few AdamW steps fit a tiny task.
import XCTest
import IDGenKernel

final class T5ModelTests: XCTestCase {
    static func tinyConfig(gated: Bool) -> T5Config {
        var c = T5Config()
        c.vocabSize = 40; c.dModel = 16; c.dKV = 4; c.dFF = 24; c.numLayers = 2; c.numDecoderLayers = 2
        c.numHeads = 4; c.relativeAttentionNumBuckets = 8; c.relativeAttentionMaxDistance = 12
        c.dropoutRate = 0; c.feedForwardProj = gated ? "gated-gelu" : "relu"; c.tieWordEmbeddings = !gated; c.scaleDecoderOutputs = !gated
        return c
    }

    func testCachedDecodingEqualsFullDecoding() {
        for gated in [false, true] {
            let model = T5Model(config: Self.tinyConfig(gated: gated), seed: 3)
            let inputs = [[5, 6, 7, 8, 9, 1], [11, 12, 1]]
            let targets = [[20, 21, 22, 23], [30, 31, 32, 33]]
            let batch = T5Batch.make(sources: inputs, targets: targets, padID: 0, startID: 0)
            let full = Tape.withoutGradients { model.forward(batch).logSoftmax() }   // [2, 4, V]
            let dec = model.beginDecoding(inputs: inputs)
            let v = model.config.vocabSize
            var parents = [0, 1]
            var tokens = [0, 0]
            for step in 0..<4 {
                let lp = dec.step(parents: parents, tokens: tokens)
                for row in 0..<2 {
                    for i in 0..<v {
                        XCTAssertEqual(lp[row * v + i], full.data[(row * 4 + step) * v + i], accuracy: 2e-5,
                                       "gated=\(gated) step \(step) row \(row)")
                    }
                }
                parents = [0, 1]
                tokens = [targets[0][step], targets[1][step]]
            }
        }
    }

    /// An empty input has only padded keys: cross-attention then weighs them all equally, as the full
    /// model's masked softmax does (the cached decoder leaves padded keys out of every other input).
    func testEmptyInputDecodesAsTheFullModel() {
        let model = T5Model(config: Self.tinyConfig(gated: false), seed: 8)
        let inputs = [[5, 6, 7, 1], []], targets = [[20, 21], [30, 31]]
        let batch = T5Batch.make(sources: inputs, targets: targets, padID: 0, startID: 0)
        let full = Tape.withoutGradients { model.forward(batch).logSoftmax() }   // [2, 2, V]
        let dec = model.beginDecoding(inputs: inputs)
        let v = model.config.vocabSize
        var tokens = [0, 0]
        for step in 0..<2 {
            let lp = dec.step(parents: [0, 1], tokens: tokens)
            for row in 0..<2 {
                for i in 0..<v {
                    XCTAssertEqual(lp[row * v + i], full.data[(row * 2 + step) * v + i], accuracy: 2e-5, "step \(step) row \(row)")
                }
            }
            tokens = [targets[0][step], targets[1][step]]
        }
    }

    func testAllowedOnlyStepEqualsTheRenormalizedFullStep() {
        for gated in [false, true] {                  // tied + scaled output, and an untied LM head
            let model = T5Model(config: Self.tinyConfig(gated: gated), seed: 6)
            let v = model.config.vocabSize
            let inputs = [[5, 6, 7, 1], [8, 1]]
            let a = model.beginDecoding(inputs: inputs), b = model.beginDecoding(inputs: inputs)
            // Row 1 allows more than V/8 tokens (the full-product path), the others a few (dot products).
            let steps: [(parents: [Int], tokens: [Int], allowed: [[Int]])] = [
                ([0, 1], [0, 0], [[3, 9, 4], Array(2..<v)]),
                ([0, 0, 1], [9, 3, 11], [[7], [2, 5, 6, 8], [1, 12]]),
            ]
            for (n, st) in steps.enumerated() {
                let full = a.step(parents: st.parents, tokens: st.tokens)
                let fast = b.stepAllowed(parents: st.parents, tokens: st.tokens, allowed: st.allowed)
                for (r, toks) in st.allowed.enumerated() {
                    let xs = toks.map { full[r * v + $0] }
                    let m = xs.max()!
                    let l = m + log(xs.reduce(Float(0)) { $0 + exp($1 - m) })
                    for (j, x) in xs.enumerated() {
                        XCTAssertEqual(fast[r][j], x - l, accuracy: 2e-5, "gated=\(gated) step \(n) row \(r)")
                    }
                }
            }
        }
    }

    func testCachedDecodingFollowsReorderedBeams() {
        let model = T5Model(config: Self.tinyConfig(gated: false), seed: 4)
        let v = model.config.vocabSize
        let dec = model.beginDecoding(inputs: [[5, 6, 1]])
        _ = dec.step(parents: [0, 0], tokens: [0, 0])
        _ = dec.step(parents: [0, 1], tokens: [7, 9])          // row 0: [0,7], row 1: [0,9]
        let lp = dec.step(parents: [1, 0, 1], tokens: [3, 4, 5]) // [0,9,3], [0,7,4], [0,9,5]
        let seqs = [[7, 3], [9, 4], [9, 5]].map { [0] + $0 }
        let expect = [[0, 9, 3], [0, 7, 4], [0, 9, 5]]
        _ = seqs
        for (row, dIn) in expect.enumerated() {
            let b = T5Batch(batch: 1, inputIDs: [5, 6, 1], attentionMask: [1, 1, 1], decoderInputIDs: dIn, labels: [1, 1, 1])
            let full = Tape.withoutGradients { model.forward(b).logSoftmax() }
            for i in 0..<v { XCTAssertEqual(lp[row * v + i], full.data[2 * v + i], accuracy: 2e-5) }
        }
    }

    func testWholeModelGradientMatchesFiniteDifferences() {
        for gated in [false, true] {
            let model = T5Model(config: Self.tinyConfig(gated: gated), seed: 5)
            let batch = T5Batch.make(sources: [[5, 6, 7, 1], [8, 1]], targets: [[9, 10, 1], [11, 1]], padID: 0, startID: 0)
            model.zeroGrad()
            model.loss(batch).backward()
            // Small steps: the relu model has kinks a larger step would cross.
            let h: Float = gated ? 1e-2 : 2e-3
            for (name, p) in model.namedParameters where name.contains("block.0") || name.contains("shared") || name.contains("lm_head") {
                let g = p.grad!
                for i in stride(from: 0, to: p.count, by: max(1, p.count / 5)) {
                    let old = p.data[i]
                    p.data[i] = old + h; let lp = Tape.withoutGradients { model.loss(batch).item }
                    p.data[i] = old - h; let lm = Tape.withoutGradients { model.loss(batch).item }
                    p.data[i] = old
                    let num = (lp - lm) / (2 * h)
                    XCTAssertEqual(g[i], num, accuracy: 2e-3 + 3e-2 * max(abs(num), abs(g[i])), "\(name)[\(i)] gated=\(gated)")
                }
            }
        }
    }

    func testAdamWFitsACopyTask() {
        let model = T5Model(config: Self.tinyConfig(gated: false), seed: 6)
        let opt = AdamW(parameters: model.parameters, noDecay: model.noDecayParameters,
                        config: { var c = AdamW.Config(); c.learningRate = 1e-2; return c }())
        let batch = T5Batch.make(sources: [[5, 6, 1], [7, 8, 1], [9, 10, 1]], targets: [[6, 5, 1], [8, 7, 1], [10, 9, 1]], padID: 0, startID: 0)
        let first = Tape.withoutGradients { model.loss(batch).item }
        for _ in 0..<60 {
            opt.zeroGrad()
            model.loss(batch).backward()
            opt.update()
        }
        let last = Tape.withoutGradients { model.loss(batch).item }
        XCTAssertLessThan(last, first * 0.2, "loss \(first) → \(last)")
    }

    func testRelativePositionBucketsFollowT5() {
        // Bidirectional, 32 buckets, max distance 128: exact for |d| < 8, then logarithmic.
        let b = { (d: Int) in T5RelativePosition.bucket(d, bidirectional: true, numBuckets: 32, maxDistance: 128) }
        XCTAssertEqual(b(0), 0); XCTAssertEqual(b(-3), 3); XCTAssertEqual(b(3), 19)
        XCTAssertEqual(b(-8), 8); XCTAssertEqual(b(-200), 15); XCTAssertEqual(b(200), 31)
        // Causal: future keys fold to 0.
        XCTAssertEqual(T5RelativePosition.bucket(5, bidirectional: false, numBuckets: 32, maxDistance: 128), 0)
        XCTAssertEqual(T5RelativePosition.bucket(-20, bidirectional: false, numBuckets: 32, maxDistance: 128), 17)
    }

    func testConfigJSONRoundTripAndErrors() throws {
        let c = try T5Config.preset("cpu-small")
        XCTAssertEqual(try T5Config(json: try JSONValue.parse(c.json.serialized()), source: "c.json"), c)
        XCTAssertThrowsError(try T5Config(json: try JSONValue.parse(#"{"d_model": "wide"}"#), source: "c.json")) {
            XCTAssertTrue("\($0)".contains("d_model"))
        }
        XCTAssertThrowsError(try T5Config.preset("cpu-huge")) { XCTAssertTrue("\($0)".contains("cpu-tiny")) }
    }

    func testVocabularyGrowsForAtomicTokensAndKeepsOldRows() {
        let model = T5Model(config: Self.tinyConfig(gated: false), seed: 8)
        let before = model.shared.data
        model.resizeVocabulary(to: 45, seed: 8)
        XCTAssertEqual(model.config.vocabSize, 45)
        XCTAssertEqual(model.shared.shape, [45, 16])
        XCTAssertEqual(Array(model.shared.data.prefix(before.count)), before)
        let again = T5Model(config: Self.tinyConfig(gated: false), seed: 8)
        again.resizeVocabulary(to: 45, seed: 8)
        XCTAssertEqual(again.shared.data, model.shared.data, "new rows come from the seed")
        let batch = T5Batch.make(sources: [[44, 43, 1]], targets: [[42, 1]], padID: 0, startID: 0)
        XCTAssertEqual(Tape.withoutGradients { model.forward(batch) }.shape, [1, 2, 45])
    }
}
