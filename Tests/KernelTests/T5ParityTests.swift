// Parity with Hugging Face transformers on the committed reference files made by tools/make_t5_fixtures.py:
// encoder states and logits (max |diff| ≤ 1e-4), loss (≤ 1e-5 relative), gradients of named parameters
// (≤ 1e-3 relative to the largest entry), greedy decoding with the KV cache, and a save → reload round trip.
import XCTest
import Foundation
import IDGenKernel

final class T5ParityTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/t5")

    struct Case {
        let model: T5Model
        let ref: SafeTensorsFile
        let batch: T5Batch
        let b: Int, s: Int, t: Int
    }

    func load(_ name: String) throws -> Case {
        let dir = Self.fixtures.appendingPathComponent(name)
        let model = try T5Model.load(directory: dir)
        let ref = try SafeTensors.read(contentsOf: dir.appendingPathComponent("reference.safetensors"))
        let ids = try ref.tensor("input_ids"), labels = try ref.tensor("labels")
        let b = ids.shape[0], s = ids.shape[1], t = labels.shape[1]
        let batch = T5Batch(batch: b, inputIDs: ids.values.map { Int($0) },
                            attentionMask: try ref.tensor("attention_mask").values,
                            decoderInputIDs: try ref.tensor("decoder_input_ids").values.map { Int($0) },
                            labels: labels.values.map { Int($0) })
        return Case(model: model, ref: ref, batch: batch, b: b, s: s, t: t)
    }

    func maxAbsDiff(_ a: [Float], _ b: [Float]) -> Float {
        XCTAssertEqual(a.count, b.count)
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    func testEncoderLogitsAndLoss() throws {
        for name in ["relu-tied", "gated-gelu-untied"] {
            let c = try load(name)
            let enc = Tape.withoutGradients { c.model.encode(inputIDs: c.batch.inputIDs, batch: c.b, attentionMask: c.batch.attentionMask) }
            XCTAssertLessThanOrEqual(maxAbsDiff(enc.data, try c.ref.tensor("encoder_last_hidden_state").values), 1e-4, name)
            let logits = Tape.withoutGradients { c.model.forward(c.batch) }
            XCTAssertLessThanOrEqual(maxAbsDiff(logits.data, try c.ref.tensor("logits").values), 1e-4, name)
            let loss = Tape.withoutGradients { c.model.loss(c.batch).item }
            let refLoss = try c.ref.tensor("loss").values[0]
            XCTAssertLessThanOrEqual(abs(loss - refLoss) / abs(refLoss), 1e-5, name)
        }
    }

    func testGradients() throws {
        for name in ["relu-tied", "gated-gelu-untied"] {
            let c = try load(name)
            c.model.zeroGrad()
            c.model.loss(c.batch).backward()
            let params = Dictionary(uniqueKeysWithValues: c.model.namedParameters)
            let gradNames = c.ref.names.filter { $0.hasPrefix("grad.") }
            XCTAssertGreaterThanOrEqual(gradNames.count, 5)
            for g in gradNames {
                let pname = String(g.dropFirst(5))
                let p = try XCTUnwrap(params[pname], "\(name): no parameter \(pname)")
                let ref = try c.ref.tensor(g).values
                let scale = ref.map(abs).max() ?? 1
                let diff = maxAbsDiff(p.grad ?? [], ref)
                XCTAssertLessThanOrEqual(diff / max(scale, 1e-12), 1e-3, "\(name) \(pname): max diff \(diff), scale \(scale)")
            }
        }
    }

    func testGreedyDecodingWithCacheMatchesHF() throws {
        for name in ["relu-tied", "gated-gelu-untied"] {
            let c = try load(name)
            let tokens = try c.ref.tensor("generate.tokens")
            let refLP = try c.ref.tensor("generate.logprobs").values
            let steps = tokens.shape[1] - 1, v = c.model.config.vocabSize
            let inputs = (0..<c.b).map { r in
                (0..<c.s).filter { c.batch.attentionMask[r * c.s + $0] == 1 }.map { c.batch.inputIDs[r * c.s + $0] }
            }
            let dec = c.model.beginDecoding(inputs: inputs)
            var current = [Int](repeating: c.model.decoderStartID, count: c.b)
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

    func testSaveReloadGivesSameLogits() throws {
        let c = try load("gated-gelu-untied")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("t5-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try c.model.save(directory: dir)
        let again = try T5Model.load(directory: dir)
        XCTAssertEqual(again.config, c.model.config)
        let a = Tape.withoutGradients { c.model.forward(c.batch).data }
        let b = Tape.withoutGradients { again.forward(c.batch).data }
        XCTAssertEqual(a, b)
    }

    func testMismatchedCheckpointListsEveryProblem() throws {
        let dir = Self.fixtures.appendingPathComponent("relu-tied")
        var config = try T5Config.load(contentsOf: dir.appendingPathComponent("config.json"))
        config.dFF += 1
        config.numDecoderLayers += 1
        let model = T5Model(config: config, seed: 1)
        XCTAssertThrowsError(try model.loadWeights(from: dir.appendingPathComponent("model.safetensors"))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("missing tensors: decoder.block.2"), text)
            XCTAssertTrue(text.contains("mis-shaped tensors: encoder.block.0.layer.1.DenseReluDense.wi.weight"), text)
            XCTAssertTrue(text.contains("model.safetensors"), text)
        }
    }
}
