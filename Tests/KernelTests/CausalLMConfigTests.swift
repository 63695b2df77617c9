// CausalLMConfig: presets, a JSON round trip, and refusals that name the file and key of what the model does
// not compute (so a checkpoint is never silently run with different math than HF's).
import XCTest
import Foundation
import IDGenKernel

final class CausalLMConfigTests: XCTestCase {
    func decode(_ json: String) throws -> CausalLMConfig {
        try CausalLMConfig(json: Data(json.utf8), source: "ckpt/config.json")
    }

    func testPresetsMatchTheT5PresetsWidthAndDepth() throws {
        let tiny = try CausalLMConfig.preset("causal-tiny"), t5Tiny = try T5Config.preset("cpu-tiny")
        XCTAssertEqual([tiny.hiddenSize, tiny.numAttentionHeads, tiny.headDim, tiny.intermediateSize, tiny.vocabSize],
                       [t5Tiny.dModel, t5Tiny.numHeads, t5Tiny.dKV, t5Tiny.dFF, t5Tiny.vocabSize])
        XCTAssertEqual(tiny.numHiddenLayers, t5Tiny.numLayers + t5Tiny.numDecoderLayers)
        let small = try CausalLMConfig.preset("causal-small"), t5Small = try T5Config.preset("cpu-small")
        XCTAssertEqual([small.hiddenSize, small.numAttentionHeads, small.headDim, small.intermediateSize, small.vocabSize],
                       [t5Small.dModel, t5Small.numHeads, t5Small.dKV, t5Small.dFF, t5Small.vocabSize])
        XCTAssertEqual(small.numHiddenLayers, t5Small.numLayers + t5Small.numDecoderLayers)
        for name in CausalLMConfig.presetNames { XCTAssertNoThrow(try CausalLMConfig.preset(name).validate()) }
        XCTAssertThrowsError(try CausalLMConfig.preset("causal-huge")) {
            XCTAssertTrue("\($0)".contains("causal-tiny, causal-small"), "\($0)")
        }
    }

    func testJSONRoundTripWritesHFKeys() throws {
        var c = try CausalLMConfig.preset("causal-small")
        c.padTokenID = nil
        c.ropeTheta = 500
        let text = try c.jsonText()
        XCTAssertEqual(try decode(text), c)
        for key in ["\"model_type\" : \"llama\"", "\"LlamaForCausalLM\"", "\"rope_theta\" : 500", "\"rope_type\" : \"default\"",
                    "\"idgenrec_dropout\" : 0.1", "\"pad_token_id\" : null", "\"num_key_value_heads\" : 8"] {
            XCTAssertTrue(text.contains(key), "\(key) missing from \(text)")
        }
    }

    func testHFDefaultsForMissingKeys() throws {
        let c = try decode(#"{"hidden_size": 48, "num_attention_heads": 6, "eos_token_id": [7, 9], "rope_theta": 20.0}"#)
        XCTAssertEqual(c.numKeyValueHeads, 6)                  // None → as many as the query heads
        XCTAssertEqual(c.headDim, 8)                           // None → hidden_size / heads
        XCTAssertEqual(c.eosTokenID, 7)                        // Llama 3 lists: the first
        XCTAssertEqual(c.ropeTheta, 20)
        XCTAssertNil(c.padTokenID)
    }

    func testRefusesWhatItDoesNotCompute() {
        let cases: [(String, String)] = [
            (#"{"num_attention_heads": 4, "num_key_value_heads": 2}"#, "num_key_value_heads"),
            (#"{"hidden_act": "gelu"}"#, "hidden_act"),
            (#"{"attention_bias": true}"#, "attention_bias"),
            (#"{"mlp_bias": true}"#, "mlp_bias"),
            (#"{"rope_scaling": {"rope_type": "linear", "factor": 2.0}}"#, "rope_scaling"),
            (#"{"rope_parameters": {"rope_type": "yarn", "rope_theta": 10000.0}}"#, "rope_parameters"),
            (#"{"model_type": "mistral"}"#, "model_type"),
            (#"{"head_dim": 7, "hidden_size": 28, "num_attention_heads": 4}"#, "head_dim"),
            (#"{"idgenrec_dropout": 1.5}"#, "idgenrec_dropout"),
            (#"{"hidden_size": "wide"}"#, "hidden_size"),
        ]
        for (json, key) in cases {
            XCTAssertThrowsError(try decode(json), json) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains("ckpt/config.json") && text.contains("'\(key)'"), "\(json): \(text)")
            }
        }
    }

    func testRopeScalingNullIsPlainRoPE() throws {
        XCTAssertEqual(try decode(#"{"rope_scaling": null, "rope_parameters": null}"#).ropeTheta, 10000)
    }
}
