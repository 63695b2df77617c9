// Parity with Hugging Face transformers' LlamaForCausalLM on the committed reference files made by
// tools/make_causal_fixtures.py: logits (max |diff| ≤ 1e-4 of the largest logit), loss (≤ 1e-5 relative)
// from pre-shifted labels, the gradient of every parameter (≤ 1e-4 relative to its largest entry), greedy
// decoding through the KV cache, a save → load round trip, and checkpoint errors that name the file.
import XCTest
import Foundation
import IDGenKernel

final class CausalParityTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/causal")
    static let names = ["tied", "untied"]

    struct Case {
        let model: CausalLM
        let ref: SafeTensorsFile
        let ids: [Int]              // [B·L]
        let labels: [Int]           // [B·L] pre-shifted
        let mask: [Float]           // [B·L]
        let b: Int, l: Int
    }

    func load(_ name: String) throws -> Case {
        let dir = Self.fixtures.appendingPathComponent(name)
        let model = try CausalLM.load(directory: dir)
        let ref = try SafeTensors.read(contentsOf: dir.appendingPathComponent("reference.safetensors"))
        let ids = try ref.tensor("input_ids")
        return Case(model: model, ref: ref, ids: ids.values.map { Int($0) },
                    labels: try ref.tensor("shifted_labels").values.map { Int($0) },
                    mask: try ref.tensor("attention_mask").values, b: ids.shape[0], l: ids.shape[1])
    }

    func maxAbsDiff(_ a: [Float], _ b: [Float]) -> Float {
        XCTAssertEqual(a.count, b.count)
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    func testConfigFromTransformers5() throws {
        let c = try load("untied").model.config
        XCTAssertEqual(c.ropeTheta, 10000)                     // read from "rope_parameters"
        XCTAssertFalse(c.tieWordEmbeddings)
        XCTAssertEqual(c.dropout, 0.1)                         // our key survives HF's writer
        XCTAssertEqual([c.vocabSize, c.hiddenSize, c.numHiddenLayers, c.numAttentionHeads, c.headDim, c.intermediateSize],
                       [80, 32, 3, 4, 8, 64])
        XCTAssertEqual(c.padTokenID, 0)
    }

    func testLogitsAndLoss() throws {
        for name in Self.names {
            let c = try load(name)
            let logits = Tape.withoutGradients { c.model.logits(ids: c.ids, batch: c.b) }
            XCTAssertEqual(logits.shape, [c.b, c.l, c.model.config.vocabSize])
            let ref = try c.ref.tensor("logits").values
            let scale = ref.map(abs).max()!
            XCTAssertLessThanOrEqual(maxAbsDiff(logits.data, ref) / scale, 1e-4, name)
            let loss = Tape.withoutGradients { c.model.loss(ids: c.ids, batch: c.b, labels: c.labels).item }
            let refLoss = try c.ref.tensor("loss").values[0]
            XCTAssertLessThanOrEqual(abs(loss - refLoss) / refLoss, 1e-5, "\(name): \(loss) vs \(refLoss)")
        }
    }

    /// HF's own labels (unshifted, -100 on padding) shifted left by one are what `loss` takes.
    func testHFLabelsShiftedGiveTheSameTargets() throws {
        let c = try load("tied")
        let hf = try c.ref.tensor("labels").values.map { Int($0) }
        for r in 0..<c.b {
            for t in 0..<c.l {
                XCTAssertEqual(c.labels[r * c.l + t], t + 1 < c.l ? hf[r * c.l + t + 1] : Tensor.ignoreIndex)
            }
        }
    }

    func testEveryGradient() throws {
        for name in Self.names {
            let c = try load(name)
            c.model.zeroGrad()
            c.model.loss(ids: c.ids, batch: c.b, labels: c.labels).backward()
            let gradNames = c.ref.names.filter { $0.hasPrefix("grad.") }
            XCTAssertEqual(Set(gradNames.map { String($0.dropFirst(5)) }), Set(c.model.namedParameters.map(\.0)), name)
            for (pname, p) in c.model.namedParameters {
                let ref = try c.ref.tensor("grad." + pname).values
                let scale = ref.map(abs).max() ?? 1
                let diff = maxAbsDiff(p.grad ?? [], ref)
                XCTAssertLessThanOrEqual(diff / max(scale, 1e-12), 1e-4, "\(name) \(pname): max diff \(diff), scale \(scale)")
            }
        }
    }

    func testGreedyDecodingWithCacheMatchesHF() throws {
        for name in Self.names {
            let c = try load(name)
            let tokens = try c.ref.tensor("generate.tokens"), refLP = try c.ref.tensor("generate.logprobs").values
            let steps = tokens.shape[1] - 1, v = c.model.config.vocabSize
            // Prefix = a row's real tokens but the last, which the first step feeds.
            let prefixes = (0..<c.b).map { r in
                (0..<c.l).filter { c.mask[r * c.l + $0] == 1 }.dropLast().map { c.ids[r * c.l + $0] }
            }
            let dec = c.model.beginDecoding(prefixes: prefixes)
            var current = (0..<c.b).map { Int(tokens.values[$0 * (steps + 1)]) }
            for step in 0..<steps {
                let lp = dec.step(parents: Array(0..<c.b), tokens: current)
                for r in 0..<c.b {
                    let row = Array(lp[(r * v)..<((r + 1) * v)])
                    let ref = Array(refLP[((r * steps + step) * v)..<((r * steps + step + 1) * v)])
                    XCTAssertLessThanOrEqual(maxAbsDiff(row, ref), 1e-4, "\(name) row \(r) step \(step)")
                    let best = row.indices.max { row[$0] < row[$1] }!
                    XCTAssertEqual(best, Int(tokens.values[r * (steps + 1) + step + 1]), "\(name) row \(r) step \(step)")
                    current[r] = best
                }
            }
        }
    }

    func testSaveLoadRoundTripIsIdentical() throws {
        for name in Self.names {
            let c = try load(name)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("causal-roundtrip-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            try c.model.save(to: dir)
            let again = try CausalLM.load(directory: dir)
            XCTAssertEqual(again.config, c.model.config, name)
            XCTAssertEqual(again.namedParameters.map(\.0), c.model.namedParameters.map(\.0), name)
            for ((n, a), (_, b)) in zip(again.namedParameters, c.model.namedParameters) { XCTAssertEqual(a.data, b.data, "\(name) \(n)") }
            let names = try SafeTensors.read(contentsOf: dir.appendingPathComponent("model.safetensors")).names
            XCTAssertEqual(names.contains("lm_head.weight"), name == "untied", "a tied model saves its embedding once")
        }
    }

    func testTruncatedCheckpointNamesTheFile() throws {
        let src = Self.fixtures.appendingPathComponent("tied")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("causal-truncated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: src.appendingPathComponent("config.json"), to: dir.appendingPathComponent("config.json"))
        let bytes = try Data(contentsOf: src.appendingPathComponent("model.safetensors"))
        try bytes.prefix(bytes.count / 2).write(to: dir.appendingPathComponent("model.safetensors"))
        XCTAssertThrowsError(try CausalLM.load(directory: dir)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(dir.appendingPathComponent("model.safetensors").path), text)
            XCTAssertTrue(text.contains("truncated"), text)
        }
    }

    func testMismatchedCheckpointListsEveryProblem() throws {
        let dir = Self.fixtures.appendingPathComponent("tied")
        var config = try CausalLMConfig.load(contentsOf: dir.appendingPathComponent("config.json"))
        config.intermediateSize += 1
        config.numHiddenLayers += 1
        config.tieWordEmbeddings = false
        let model = CausalLM(config: config, seed: 1)
        XCTAssertThrowsError(try model.loadWeights(from: dir.appendingPathComponent("model.safetensors"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("missing tensors: model.layers.2."), text)
            XCTAssertTrue(text.contains("lm_head.weight"), text)
            XCTAssertTrue(text.contains("mis-shaped tensors: model.layers.0.mlp.gate_proj.weight is [64, 32], expected [65, 32]"), text)
            XCTAssertTrue(text.contains("tied/model.safetensors"), text)
        }
    }
}
