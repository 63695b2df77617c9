// CausalLM behaviour that needs no reference file: cached beam decoding equals the full forward, right
// padding changes no real position, the labelled-rows-only loss equals the full one, dropout in training is
// seeded and differentiable, AdamW fits a sequence, and the vocabulary grows.
import XCTest
import Foundation
import IDGenKernel

final class CausalLMTests: XCTestCase {
    static func tinyConfig(tied: Bool, dropout: Double = 0) -> CausalLMConfig {
        var c = CausalLMConfig()
        c.vocabSize = 40; c.hiddenSize = 16; c.intermediateSize = 24; c.numHiddenLayers = 2
        c.numAttentionHeads = 4; c.numKeyValueHeads = 4; c.headDim = 4; c.tieWordEmbeddings = tied
        c.padTokenID = 0; c.dropout = dropout; c.initializerRange = 0.3
        return c
    }

    /// log-softmax of the full forward's last position for one sequence: [V].
    func fullLogProbs(_ model: CausalLM, _ seq: [Int]) -> [Float] {
        let lp = Tape.withoutGradients { model.logits(ids: seq, batch: 1).logSoftmax() }.data
        let v = model.config.vocabSize
        return Array(lp[((seq.count - 1) * v)...])
    }

    func testCachedDecodingWithBeamReordersEqualsFullForward() {
        for tied in [true, false] {
            let model = CausalLM(config: Self.tinyConfig(tied: tied), seed: 3)
            let v = model.config.vocabSize
            let prefixes = [[5, 6, 7, 8, 9], [11, 12], [3]]
            let dec = model.beginDecoding(prefixes: prefixes)
            // Beam-like steps: parents index the previous step's rows (input indices on the first).
            let steps: [(parents: [Int], tokens: [Int])] = [
                ([0, 0, 1, 2, 2], [20, 21, 22, 23, 24]),
                ([1, 0, 0, 2, 4, 3], [30, 31, 32, 33, 34, 35]),
                ([5, 1, 2, 3, 3], [14, 15, 16, 17, 18]),
            ]
            var seqs: [[Int]] = []
            for (n, st) in steps.enumerated() {
                seqs = zip(st.parents, st.tokens).map { p, t in (n == 0 ? prefixes[p] : seqs[p]) + [t] }
                let lp = dec.step(parents: st.parents, tokens: st.tokens)
                for (r, seq) in seqs.enumerated() {
                    let full = fullLogProbs(model, seq)
                    for i in 0..<v { XCTAssertEqual(lp[r * v + i], full[i], accuracy: 1e-4, "tied=\(tied) step \(n) row \(r) \(seq)") }
                }
            }
        }
    }

    func testStepAllowedEqualsTheRenormalizedFullStep() {
        for tied in [true, false] {
            let model = CausalLM(config: Self.tinyConfig(tied: tied), seed: 6)
            let v = model.config.vocabSize
            let a = model.beginDecoding(prefixes: [[5, 6, 7], [8]]), b = model.beginDecoding(prefixes: [[5, 6, 7], [8]])
            // Row 1 allows more than V/8 tokens (the full-product path), the others a few (dot products).
            let steps: [(parents: [Int], tokens: [Int], allowed: [[Int]])] = [
                ([0, 1], [1, 1], [[3, 9, 4], Array(2..<v)]),
                ([0, 0, 1], [9, 3, 11], [[7], [2, 5, 6, 8], [1, 12]]),
            ]
            for (n, st) in steps.enumerated() {
                let full = a.step(parents: st.parents, tokens: st.tokens)
                let fast = b.stepAllowed(parents: st.parents, tokens: st.tokens, allowed: st.allowed)
                for (r, toks) in st.allowed.enumerated() {
                    let xs = toks.map { full[r * v + $0] }
                    let m = xs.max()!
                    let l = m + log(xs.reduce(Float(0)) { $0 + exp($1 - m) })
                    for (j, x) in xs.enumerated() { XCTAssertEqual(fast[r][j], x - l, accuracy: 2e-5, "tied=\(tied) step \(n) row \(r)") }
                }
            }
        }
    }

    /// Decoders share only read-only weights: shards on several threads give what one thread gives.
    func testConcurrentDecodersAgreeWithASerialOne() {
        let model = CausalLM(config: Self.tinyConfig(tied: true), seed: 9)
        func run(_ shard: Int) -> [Float] {
            let dec = model.beginDecoding(prefixes: [[5 + shard, 6, 7], [8, 9 + shard]])
            return dec.step(parents: [0, 1, 1], tokens: [3, 4, 5]) + dec.step(parents: [2, 0], tokens: [6, 7])
        }
        let serial = (0..<4).map(run)
        var parallel = [[Float]](repeating: [], count: 4)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            let out = Parallel.serially { run(i) }
            lock.lock(); parallel[i] = out; lock.unlock()
        }
        XCTAssertEqual(parallel, serial)
    }

    /// Right padding needs no mask: a padded row's real positions get the logits of the row alone.
    func testRightPaddingChangesNoRealPosition() {
        let model = CausalLM(config: Self.tinyConfig(tied: false), seed: 4)
        let v = model.config.vocabSize
        let short = [5, 6, 7], long = [9, 10, 11, 12, 13, 14]
        let batch = Tape.withoutGradients { model.logits(ids: long + short + [0, 0, 0], batch: 2) }.data
        let alone = Tape.withoutGradients { model.logits(ids: short, batch: 1) }.data
        for i in 0..<(3 * v) { XCTAssertEqual(batch[6 * v + i], alone[i], accuracy: 1e-5) }
    }

    /// The loss scores only labelled rows; it equals the cross-entropy of the full logits, gradients too.
    func testLabelledRowsOnlyLossEqualsTheFullOne() {
        let model = CausalLM(config: Self.tinyConfig(tied: true), seed: 5)
        let ids = [5, 6, 7, 8, 9, 10, 11, 0, 0, 0]
        let ig = Tensor.ignoreIndex
        let labels = [6, 7, 8, 9, ig, 11, ig, ig, ig, ig]
        model.zeroGrad()
        let loss = model.loss(ids: ids, batch: 2, labels: labels)
        loss.backward()
        let fast = model.parameters.map { $0.grad! }
        model.zeroGrad()
        let full = model.logits(ids: ids, batch: 2).reshaped([-1, model.config.vocabSize]).crossEntropy(targets: labels)
        full.backward()
        XCTAssertEqual(loss.item, full.item, accuracy: 1e-6)
        for (g, p) in zip(fast, model.parameters) {
            for i in 0..<g.count { XCTAssertEqual(g[i], p.grad![i], accuracy: 1e-6) }
        }
    }

    /// Training-mode dropout (embeddings, sublayer outputs, attention weights) is seeded, changes the output,
    /// and its gradient matches finite differences taken with the same masks.
    func testDropoutIsSeededAndDifferentiable() {
        var config = Self.tinyConfig(tied: true, dropout: 0.2)
        config.attentionDropout = 0.1
        let model = CausalLM(config: config, seed: 7)
        let ids = [5, 6, 7, 8, 9, 10], labels = [6, 7, 8, 9, 10, 11]
        let seed = SplitMix64(seed: 42)
        func loss() -> Float {
            model.dropoutRNG = seed
            return Tape.withoutGradients { model.loss(ids: ids, batch: 1, labels: labels).item }
        }
        model.training = true
        let trained = loss()
        XCTAssertEqual(loss(), trained, "same seed, same masks")
        model.training = false
        XCTAssertNotEqual(loss(), trained, "eval has no dropout")
        model.training = true
        model.zeroGrad()
        model.dropoutRNG = seed
        model.loss(ids: ids, batch: 1, labels: labels).backward()
        let h: Float = 1e-2
        for (name, p) in model.namedParameters where name.contains("layers.0") || name.contains("embed") {
            let g = p.grad!
            for i in stride(from: 0, to: p.count, by: max(1, p.count / 4)) {
                let old = p.data[i]
                p.data[i] = old + h; let lp = loss()
                p.data[i] = old - h; let lm = loss()
                p.data[i] = old
                let num = (lp - lm) / (2 * h)
                XCTAssertEqual(g[i], num, accuracy: 2e-3 + 3e-2 * max(abs(num), abs(g[i])), "\(name)[\(i)]")
            }
        }
    }

    func testAdamWFitsASequence() {
        let model = CausalLM(config: Self.tinyConfig(tied: true), seed: 6)
        model.training = true
        let opt = AdamW(parameters: model.parameters, noDecay: model.noDecayParameters,
                        config: { var c = AdamW.Config(); c.learningRate = 1e-2; return c }())
        let ids = [5, 9, 13, 17, 21, 25, 29, 33, 3, 8, 13, 18, 23, 28, 0, 0]
        let ig = Tensor.ignoreIndex
        let labels = [9, 13, 17, 21, 25, 29, 33, ig, 8, 13, 18, 23, 28, ig, ig, ig]
        let first = Tape.withoutGradients { model.loss(ids: ids, batch: 2, labels: labels).item }
        for _ in 0..<60 {
            opt.zeroGrad()
            model.loss(ids: ids, batch: 2, labels: labels).backward()
            opt.update()
        }
        let last = Tape.withoutGradients { model.loss(ids: ids, batch: 2, labels: labels).item }
        XCTAssertLessThan(last, first * 0.2, "loss \(first) → \(last)")
    }

    func testVocabularyGrowsAndKeepsOldRows() {
        for tied in [true, false] {
            let model = CausalLM(config: Self.tinyConfig(tied: tied), seed: 8)
            let before = model.embedTokens.data, head = model.lmHead?.data
            model.resizeVocabulary(to: 45, seed: 8)
            XCTAssertEqual(model.config.vocabSize, 45)
            XCTAssertEqual(model.embedTokens.shape, [45, 16])
            XCTAssertEqual(Array(model.embedTokens.data.prefix(before.count)), before)
            if let head { XCTAssertEqual(Array(model.lmHead!.data.prefix(head.count)), head) }
            let again = CausalLM(config: Self.tinyConfig(tied: tied), seed: 8)
            again.resizeVocabulary(to: 45, seed: 8)
            XCTAssertEqual(again.embedTokens.data, model.embedTokens.data, "new rows come from the seed")
            XCTAssertEqual(Tape.withoutGradients { model.logits(ids: [44, 43], batch: 1) }.shape, [1, 2, 45])
            XCTAssertEqual(model.beginDecoding(prefixes: [[44]]).step(parents: [0], tokens: [42]).count, 45)
        }
    }

    func testInitFollowsHF() {
        let model = CausalLM(config: Self.tinyConfig(tied: true), seed: 1)
        XCTAssertEqual(Array(model.embedTokens.data.prefix(16)), [Float](repeating: 0, count: 16), "padding row zero")
        XCTAssertEqual(model.noDecayParameters.count, 2 * 2 + 1)
        XCTAssertTrue(model.noDecayParameters.allSatisfy { $0.data.allSatisfy { $0 == 1 } })
        XCTAssertEqual(model.namedParameters.count, 1 + 2 * 9 + 1)
    }
}
