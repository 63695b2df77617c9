// The decoder-only (causal) language model's configuration, read from and written to Hugging Face's
// `LlamaConfig` config.json (same keys), plus the presets this project trains on CPU. Example values
// (causal-small): vocab 8000, hidden 256, 8 heads × 32, intermediate 1024, 8 layers, rope_theta 10000.
//
// Only what `CausalLM` computes is accepted: plain Llama with default RoPE, SiLU, no biases, as many key/value
// heads as query heads. Anything else (GQA, rope scaling, other activations, biases, other model types) is
// refused by name rather than silently computed differently from HF.
import Foundation

public struct CausalLMConfig: Codable, Equatable, Sendable {
    public var vocabSize = 32000               // V
    public var hiddenSize = 4096               // D, the residual width
    public var intermediateSize = 11008        // F, the SwiGLU width
    public var numHiddenLayers = 32
    public var numAttentionHeads = 32          // H
    public var numKeyValueHeads = 32           // must equal H (no grouped-query attention)
    public var headDim = 128                   // K; H·K need not equal D (o_proj maps H·K → D)
    public var rmsNormEps = 1e-6
    public var ropeTheta = 10000.0             // base of the rotary wavelengths
    public var maxPositionEmbeddings = 2048    // informational: default RoPE has no length limit
    public var tieWordEmbeddings = false       // LM head = embed_tokensᵀ (HF Llama's default is untied)
    public var hiddenAct = "silu"
    public var attentionBias = false
    public var mlpBias = false
    public var attentionDropout = 0.0          // on attention probabilities, training only
    public var bosTokenID: Int? = 1
    public var eosTokenID: Int? = 2
    public var padTokenID: Int? = nil
    public var initializerRange = 0.02         // std of every initial weight (norms start at 1)
    /// IDGenRec's own key `idgenrec_dropout`: dropout on the embeddings and on each sublayer's output before
    /// its residual add, training only (HF Llama has none; HF ignores the key, so parity holds in eval).
    public var dropout = 0.0

    public init() {}

    /// The preset names `preset(_:)` knows.
    public static let presetNames = ["causal-tiny", "causal-small"]

    /// `causal-tiny` matches T5 `cpu-tiny` in width and heads, with as many layers as its encoder and decoder
    /// together (2 + 2); `causal-small` matches `cpu-small` the same way (4 + 4). Tied embeddings and
    /// dropout 0.1, as the T5 presets.
    public static func preset(_ name: String) throws -> CausalLMConfig {
        var c = CausalLMConfig()
        c.maxPositionEmbeddings = 1024
        c.tieWordEmbeddings = true
        c.dropout = 0.1
        c.bosTokenID = 1; c.eosTokenID = 2; c.padTokenID = 0
        switch name {
        case "causal-tiny":
            c.vocabSize = 2000; c.hiddenSize = 64; c.intermediateSize = 256; c.numHiddenLayers = 4
            c.numAttentionHeads = 4; c.numKeyValueHeads = 4; c.headDim = 16
        case "causal-small":
            c.vocabSize = 8000; c.hiddenSize = 256; c.intermediateSize = 1024; c.numHiddenLayers = 8
            c.numAttentionHeads = 8; c.numKeyValueHeads = 8; c.headDim = 32
        default:
            throw CausalLMError.unknownPreset(name, known: presetNames)
        }
        return c
    }

    /// H·K, the width of the query/key/value projections.
    public var attentionWidth: Int { numAttentionHeads * headDim }

    /// Reads `config.json`; every problem names the file and the key.
    public static func load(contentsOf url: URL) throws -> CausalLMConfig {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CausalLMError.badConfig(file: url.path, key: "", problem: "cannot be read: \(error.localizedDescription)")
        }
        return try CausalLMConfig(json: data, source: url.path)
    }

    /// Decodes config.json bytes; `source` names the file in errors.
    public init(json data: Data, source: String = "config.json") throws {
        let decoder = JSONDecoder()
        decoder.userInfo[Self.sourceKey] = source
        do {
            self = try decoder.decode(CausalLMConfig.self, from: data)
        } catch let error as CausalLMError {
            throw error
        } catch let DecodingError.typeMismatch(type, context) {
            throw CausalLMError.badConfig(file: source, key: context.codingPath.map(\.stringValue).joined(separator: "."),
                                          problem: "must be \(type == Double.self ? "a number" : "\(type)".lowercased())")
        } catch {
            throw CausalLMError.badConfig(file: source, key: "", problem: "is not a valid JSON config (\(error))")
        }
    }

    /// config.json as HF transformers writes a `LlamaConfig` (sorted keys, pretty-printed).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static let sourceKey = CodingUserInfoKey(rawValue: "idgenrec.config-source")!

    enum CodingKeys: String, CodingKey {
        case vocabSize = "vocab_size", hiddenSize = "hidden_size", intermediateSize = "intermediate_size"
        case numHiddenLayers = "num_hidden_layers", numAttentionHeads = "num_attention_heads"
        case numKeyValueHeads = "num_key_value_heads", headDim = "head_dim", rmsNormEps = "rms_norm_eps"
        case ropeTheta = "rope_theta", maxPositionEmbeddings = "max_position_embeddings"
        case tieWordEmbeddings = "tie_word_embeddings", hiddenAct = "hidden_act", attentionBias = "attention_bias"
        case mlpBias = "mlp_bias", attentionDropout = "attention_dropout", bosTokenID = "bos_token_id"
        case eosTokenID = "eos_token_id", padTokenID = "pad_token_id", initializerRange = "initializer_range"
        case dropout = "idgenrec_dropout"
        // Read or written for HF compatibility only.
        case modelType = "model_type", architectures, ropeParameters = "rope_parameters", ropeScaling = "rope_scaling"
        case pretrainingTP = "pretraining_tp", useCache = "use_cache"
    }

    enum RopeKeys: String, CodingKey { case ropeTheta = "rope_theta", ropeType = "rope_type" }
}

extension CausalLMConfig {
    public init(from decoder: Decoder) throws {
        self.init()
        let file = decoder.userInfo[Self.sourceKey] as? String ?? "config.json"
        func bad(_ key: CodingKeys, _ problem: String) -> CausalLMError {
            .badConfig(file: file, key: key.rawValue, problem: problem)
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let t = try c.decodeIfPresent(String.self, forKey: .modelType), t != "llama" {
            throw bad(.modelType, "is \"\(t)\"; only \"llama\" (LlamaForCausalLM) checkpoints are read")
        }
        func read<T: Decodable>(_ key: CodingKeys, _ into: inout T) throws {
            if let v = try c.decodeIfPresent(T.self, forKey: key) { into = v }
        }
        try read(.vocabSize, &vocabSize); try read(.hiddenSize, &hiddenSize); try read(.intermediateSize, &intermediateSize)
        try read(.numHiddenLayers, &numHiddenLayers); try read(.numAttentionHeads, &numAttentionHeads)
        numKeyValueHeads = numAttentionHeads            // HF: None means as many as the query heads
        try read(.numKeyValueHeads, &numKeyValueHeads)
        headDim = hiddenSize / max(numAttentionHeads, 1) // HF: None means hidden_size / heads
        try read(.headDim, &headDim)
        try read(.rmsNormEps, &rmsNormEps); try read(.maxPositionEmbeddings, &maxPositionEmbeddings)
        try read(.tieWordEmbeddings, &tieWordEmbeddings); try read(.hiddenAct, &hiddenAct)
        try read(.attentionBias, &attentionBias); try read(.mlpBias, &mlpBias); try read(.attentionDropout, &attentionDropout)
        try read(.initializerRange, &initializerRange); try read(.dropout, &dropout)
        bosTokenID = try Self.tokenID(c, .bosTokenID, default: bosTokenID)
        eosTokenID = try Self.tokenID(c, .eosTokenID, default: eosTokenID)
        padTokenID = try Self.tokenID(c, .padTokenID, default: padTokenID)
        // RoPE: transformers 4 writes rope_theta (+ rope_scaling), transformers 5 rope_parameters.
        try read(.ropeTheta, &ropeTheta)
        if c.contains(.ropeParameters), try !c.decodeNil(forKey: .ropeParameters) {
            let r = try c.nestedContainer(keyedBy: RopeKeys.self, forKey: .ropeParameters)
            if let t = try r.decodeIfPresent(String.self, forKey: .ropeType), t != "default" {
                throw bad(.ropeParameters, "has rope_type \"\(t)\"; only \"default\" RoPE is implemented")
            }
            if let theta = try r.decodeIfPresent(Double.self, forKey: .ropeTheta) { ropeTheta = theta }
        }
        if c.contains(.ropeScaling), try !c.decodeNil(forKey: .ropeScaling) {
            let r = try c.nestedContainer(keyedBy: RopeKeys.self, forKey: .ropeScaling)
            let t = try r.decodeIfPresent(String.self, forKey: .ropeType)
            if t != "default" { throw bad(.ropeScaling, "asks for \(t.map { "\"\($0)\"" } ?? "a scaled") RoPE; only unscaled (default) RoPE is implemented") }
        }
        if let tp = try c.decodeIfPresent(Int.self, forKey: .pretrainingTP), tp != 1 {
            throw bad(.pretrainingTP, "is \(tp); only 1 is implemented")
        }
        try validate(file: file)
    }

    /// A token id that may be absent, null, or (Llama 3 style) a list — then its first entry.
    private static func tokenID(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, default value: Int?) throws -> Int? {
        guard c.contains(key) else { return value }
        if try c.decodeNil(forKey: key) { return nil }
        if let list = try? c.decode([Int].self, forKey: key) { return list.first }
        return try c.decode(Int.self, forKey: key)
    }

    /// Refuses what `CausalLM` would compute differently from HF, by name.
    public func validate(file: String = "config.json") throws {
        func bad(_ key: CodingKeys, _ problem: String) -> CausalLMError {
            .badConfig(file: file, key: key.rawValue, problem: problem)
        }
        for (key, v) in [(CodingKeys.vocabSize, vocabSize), (.hiddenSize, hiddenSize), (.intermediateSize, intermediateSize),
                         (.numHiddenLayers, numHiddenLayers), (.numAttentionHeads, numAttentionHeads), (.headDim, headDim)] where v <= 0 {
            throw bad(key, "must be positive, found \(v)")
        }
        if headDim % 2 != 0 { throw bad(.headDim, "must be even for rotary embeddings, found \(headDim)") }
        if numKeyValueHeads != numAttentionHeads {
            throw bad(.numKeyValueHeads, "is \(numKeyValueHeads) but num_attention_heads is \(numAttentionHeads); grouped-query attention is not implemented — set them equal")
        }
        if hiddenAct != "silu" { throw bad(.hiddenAct, "is \"\(hiddenAct)\"; only \"silu\" (SwiGLU) is implemented") }
        if attentionBias { throw bad(.attentionBias, "is true; attention projections with biases are not implemented") }
        if mlpBias { throw bad(.mlpBias, "is true; MLP projections with biases are not implemented") }
        if !(rmsNormEps > 0) { throw bad(.rmsNormEps, "must be positive, found \(rmsNormEps)") }
        if !(ropeTheta > 0) { throw bad(.ropeTheta, "must be positive, found \(ropeTheta)") }
        if !(0..<1).contains(dropout) { throw bad(.dropout, "must be in [0, 1), found \(dropout)") }
        if !(0..<1).contains(attentionDropout) { throw bad(.attentionDropout, "must be in [0, 1), found \(attentionDropout)") }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("llama", forKey: .modelType)
        try c.encode(["LlamaForCausalLM"], forKey: .architectures)
        try c.encode(vocabSize, forKey: .vocabSize); try c.encode(hiddenSize, forKey: .hiddenSize)
        try c.encode(intermediateSize, forKey: .intermediateSize); try c.encode(numHiddenLayers, forKey: .numHiddenLayers)
        try c.encode(numAttentionHeads, forKey: .numAttentionHeads); try c.encode(numKeyValueHeads, forKey: .numKeyValueHeads)
        try c.encode(headDim, forKey: .headDim); try c.encode(rmsNormEps, forKey: .rmsNormEps)
        try c.encode(maxPositionEmbeddings, forKey: .maxPositionEmbeddings)
        try c.encode(tieWordEmbeddings, forKey: .tieWordEmbeddings); try c.encode(hiddenAct, forKey: .hiddenAct)
        try c.encode(attentionBias, forKey: .attentionBias); try c.encode(mlpBias, forKey: .mlpBias)
        try c.encode(attentionDropout, forKey: .attentionDropout); try c.encode(initializerRange, forKey: .initializerRange)
        try c.encode(dropout, forKey: .dropout)
        // Both spellings of the RoPE base, so transformers 4 and 5 read the same model.
        try c.encode(ropeTheta, forKey: .ropeTheta)
        var rope = c.nestedContainer(keyedBy: RopeKeys.self, forKey: .ropeParameters)
        try rope.encode(ropeTheta, forKey: .ropeTheta)
        try rope.encode("default", forKey: .ropeType)
        try c.encode(1, forKey: .pretrainingTP)
        try c.encode(true, forKey: .useCache)
        for (key, id) in [(CodingKeys.bosTokenID, bosTokenID), (.eosTokenID, eosTokenID), (.padTokenID, padTokenID)] {
            if let id { try c.encode(id, forKey: key) } else { try c.encodeNil(forKey: key) }
        }
    }
}
