// The soft-ID path of IDGenRec's ID-generator phase: its gradient w.r.t. generator parameters against
// central finite differences (keeping only perturbations that leave the greedy tokens unchanged — the
// argmax is discrete), one-hot distributions reproducing the hard prompt exactly, and positions after
// </s> contributing nothing.
import XCTest
import IDGenPlugins

final class SoftIDPromptTests: XCTestCase {
    /// Three prompts over five items: template tokens, history slots, a target ID.
    let samples = [
        SoftSample(segments: [.tokens([5, 6]), .id(0), .tokens([7]), .id(2), .tokens([8, 1])], target: [10, 11, 1]),
        SoftSample(segments: [.tokens([5]), .id(3), .tokens([7]), .id(0), .tokens([7]), .id(4), .tokens([1])], target: [12, 1]),
        SoftSample(segments: [.tokens([9, 5]), .id(1), .tokens([1])], target: [13, 14, 15, 1]),
    ]

    func frozen(_ m: T5Model) { for p in m.parameters { p.requiresGrad = false } }

    func testGradientThroughSoftIDsMatchesFiniteDifferences() throws {
        for weighting in SoftWeights.allCases {
            let rec = TinyT5Pair.models().recommender
            frozen(rec)
            let texts = TinyT5Pair.texts(count: 5, seed: 3)
            let gen = try TinyT5Pair.taughtGenerator(texts: texts, epochs: 10)
            let prompt = try SoftIDPrompt(generator: gen, recommender: rec, maxIDTokens: 4, weighting: weighting)
            let (loss, ids) = try prompt.loss(samples, texts: texts)
            XCTAssertEqual(ids.inputs, [0, 2, 3, 4, 1], "each distinct slot decoded once, in order of first use")
            XCTAssertGreaterThan(ids.lengths.reduce(0, +), 4, "the generator should emit some ID tokens to splice")
            gen.zeroGrad()
            loss.backward()
            XCTAssertTrue(rec.parameters.allSatisfy { $0.grad == nil }, "the frozen recommender got a gradient")
            func lossAndTokens() throws -> (Float, [[Int]]) {
                try Tape.withoutGradients {
                    let (l, i) = try prompt.loss(samples, texts: texts)
                    return (l.item, i.tokens)
                }
            }
            let named = Dictionary(uniqueKeysWithValues: gen.namedParameters)
            let chosen = ["shared.weight", "encoder.block.0.layer.0.SelfAttention.q.weight",
                          "decoder.block.0.layer.1.EncDecAttention.v.weight", "decoder.block.0.layer.2.DenseReluDense.wo.weight",
                          "decoder.final_layer_norm.weight"]
            var rng = SplitMix64(seed: 21)
            var checked = 0, sizeable = 0, skipped = 0
            let h: Float = 1e-2
            for name in chosen {
                let p = named[name]!
                let g = p.grad ?? [Float](repeating: 0, count: p.count)
                for _ in 0..<8 {
                    let i = Int(rng.next() % UInt64(p.count))
                    let old = p.data[i]
                    p.data[i] = old + h; let (lp, tp) = try lossAndTokens()
                    p.data[i] = old - h; let (lm, tm) = try lossAndTokens()
                    p.data[i] = old
                    guard tp == ids.tokens && tm == ids.tokens else { skipped += 1; continue }   // argmax flipped
                    let num = (lp - lm) / (2 * h)
                    XCTAssertEqual(g[i], num, accuracy: 2e-3 + 3e-2 * max(abs(num), abs(g[i])),
                                   "\(weighting) \(name)[\(i)]")
                    checked += 1
                    if abs(num) > 1e-3 { sizeable += 1 }
                }
            }
            XCTAssertGreaterThanOrEqual(checked, 30, "\(weighting): too many perturbations flipped the greedy tokens (\(skipped))")
            XCTAssertGreaterThanOrEqual(sizeable, 10, "\(weighting): the gradients checked were too small to mean anything")
        }
    }

    /// One-hot weights over the hard ID tokens (then </s>, then padding) for each generator input.
    func oneHot(_ hard: [[Int]], positions t: Int, vocab v: Int) -> SoftIDs {
        var w = [Float](repeating: 0, count: hard.count * t * v)
        for (r, id) in hard.enumerated() {
            let row = id + [1] + [Int](repeating: 0, count: t - id.count - 1)
            for (j, tok) in row.enumerated() { w[(r * t + j) * v + tok] = 1 }
        }
        return SoftIDs(inputs: Array(0..<hard.count), tokens: hard.map { $0 + [1] }, lengths: hard.map(\.count),
                       weights: Tensor(shape: [hard.count, t, v], data: w))
    }

    func testOneHotSoftPromptIsTheHardPrompt() throws {
        let (gen, rec) = TinyT5Pair.models()
        let hard = [[20, 21], [22], [23, 24, 25], [], [26, 20]]   // input 3 has an empty ID: only </s>
        let prompt = try SoftIDPrompt(generator: gen, recommender: rec, maxIDTokens: 4)
        let ids = oneHot(hard, positions: 4, vocab: 40)
        let (embeddings, mask) = try Tape.withoutGradients { try prompt.encoderInputs(samples, ids: ids) }
        let sources = samples.map { $0.hardSource(ids: hard) }
        let batch = T5Batch.make(sources: sources, targets: samples.map(\.target), padID: 0, startID: 0)
        XCTAssertEqual(mask, batch.attentionMask)
        XCTAssertEqual(embeddings.shape, [3, batch.sourceLength, 16])
        XCTAssertEqual(embeddings.data, rec.embed(batch.inputIDs, batch: 3).data, "one-hot soft embeddings must be the hard rows exactly")
        let soft = try Tape.withoutGradients { try prompt.loss(samples, ids: ids) }.item
        let hardLoss = Tape.withoutGradients { rec.loss(batch) }.item
        XCTAssertEqual(soft, hardLoss, accuracy: 1e-6)
        XCTAssertEqual(ids.hardID(row: 2), [23, 24, 25])
    }

    func testPositionsAfterEOSContributeNothing() throws {
        let rec = TinyT5Pair.models().recommender
        frozen(rec)
        let texts = TinyT5Pair.texts(count: 5, seed: 3)
        let gen = try TinyT5Pair.taughtGenerator(texts: texts, epochs: 10)   // IDs that end at different steps
        let prompt = try SoftIDPrompt(generator: gen, recommender: rec, maxIDTokens: 5)
        let ids = try Tape.withoutGradients { try prompt.generate(inputs: [0, 1, 2, 3, 4], texts: texts) }
        let t = ids.positions, v = 40
        let ended = (0..<5).filter { ids.lengths[$0] < t }
        XCTAssertGreaterThanOrEqual(ended.count, 2, "want IDs that end before the step limit; tokens \(ids.tokens)")
        for r in 0..<5 {
            XCTAssertEqual(ids.lengths[r], ids.tokens[r].firstIndex(of: 1) ?? ids.tokens[r].count, "row \(r): length stops before </s>")
        }
        // The teacher-forced pass reproduces the greedy choice at every decoded position.
        for r in 0..<5 {
            for (j, tok) in ids.tokens[r].enumerated() {
                let row = Array(ids.weights.data[((r * t + j) * v)..<((r * t + j + 1) * v)])
                XCTAssertEqual(row.firstIndex(of: row.max()!), tok, "row \(r) position \(j)")
            }
        }
        // Replace every weight from </s> on by noise: same loss, and no gradient reaches those positions.
        var rng = SplitMix64(seed: 5)
        var noisy = ids.weights.data
        for r in ended { for j in ids.lengths[r]..<t { for i in 0..<v { noisy[(r * t + j) * v + i] = rng.nextNormal() } } }
        let base = Tensor(shape: ids.weights.shape, data: ids.weights.data, requiresGrad: true)
        let changed = Tensor(shape: ids.weights.shape, data: noisy, requiresGrad: true)
        let l0 = try prompt.loss(samples, ids: SoftIDs(inputs: ids.inputs, tokens: ids.tokens, lengths: ids.lengths, weights: base))
        let l1 = try prompt.loss(samples, ids: SoftIDs(inputs: ids.inputs, tokens: ids.tokens, lengths: ids.lengths, weights: changed))
        XCTAssertEqual(l0.item, l1.item)
        l0.backward()
        let g = base.grad!
        for r in 0..<5 {
            for j in 0..<t {
                let norm = (0..<v).reduce(Float(0)) { $0 + abs(g[(r * t + j) * v + $1]) }
                if j >= ids.lengths[r] { XCTAssertEqual(norm, 0, "row \(r) position \(j) is after </s>") }
            }
        }
        XCTAssertGreaterThan(g.map(abs).reduce(0, +), 0)
        // The reference splices every position (no masking): then the same noise does change the loss.
        var reference = prompt
        reference.maskAfterEOS = false
        let refIDs = try Tape.withoutGradients { try reference.generate(inputs: [0, 1, 2, 3, 4], texts: texts) }
        XCTAssertEqual(refIDs.lengths, [Int](repeating: t, count: 5))
        let r0 = try Tape.withoutGradients { try reference.loss(samples, ids: refIDs) }.item
        let r1 = try Tape.withoutGradients {
            try reference.loss(samples, ids: SoftIDs(inputs: ids.inputs, tokens: ids.tokens, lengths: refIDs.lengths,
                                                   weights: Tensor(shape: ids.weights.shape, data: noisy)))
        }.item
        XCTAssertNotEqual(r0, r1)
    }
}
