// The T5 configuration, read from and written to Hugging Face's config.json (same key names), plus the
// presets this project trains on CPU. Example values (cpu-small): vocab 8000, d_model 256, d_kv 32,
// d_ff 1024, 4 encoder + 4 decoder layers, 8 heads, 32 relative-position buckets up to distance 128.
import Foundation

public struct T5Config: Equatable, Sendable {
    public var vocabSize = 32128
    public var dModel = 512
    public var dKV = 64
    public var dFF = 2048
    public var numLayers = 6
    public var numDecoderLayers = 6
    public var numHeads = 8
    public var relativeAttentionNumBuckets = 32
    public var relativeAttentionMaxDistance = 128
    public var dropoutRate: Float = 0.1
    public var layerNormEpsilon: Float = 1e-6
    public var initializerFactor: Float = 1.0
    public var feedForwardProj = "relu"            // "relu" or "gated-gelu"
    public var tieWordEmbeddings = true
    /// Scale decoder output by d_model^-½ before the LM head. T5 does it exactly when embeddings are tied;
    /// transformers 5 writes this key explicitly (and may then say tie_word_embeddings true while storing a
    /// separate lm_head), so when present it decides the scaling.
    public var scaleDecoderOutputs = true
    public var decoderStartTokenID = 0
    public var padTokenID = 0
    public var eosTokenID = 1

    public init() {}

    public var isGated: Bool { feedForwardProj.hasPrefix("gated") }
    public var innerDim: Int { numHeads * dKV }

    /// Presets: `cpu-tiny` for tests and the demo, `cpu-small` for real CPU runs, `t5-small` HF's shape.
    public static func preset(_ name: String) throws -> T5Config {
        var c = T5Config()
        switch name {
        case "cpu-tiny":
            c.vocabSize = 2000; c.dModel = 64; c.dKV = 16; c.dFF = 256; c.numLayers = 2; c.numDecoderLayers = 2
            c.numHeads = 4; c.relativeAttentionNumBuckets = 16; c.relativeAttentionMaxDistance = 64
        case "cpu-small":
            c.vocabSize = 8000; c.dModel = 256; c.dKV = 32; c.dFF = 1024; c.numLayers = 4; c.numDecoderLayers = 4
            c.numHeads = 8
        case "t5-small":
            break
        default:
            throw T5Error.unknownPreset(name, known: presetNames)
        }
        return c
    }

    public static let presetNames = ["cpu-tiny", "cpu-small", "t5-small"]
}

public enum T5Error: Error, CustomStringConvertible {
    case unknownPreset(String, known: [String])
    case badConfig(file: String, key: String, problem: String)
    case checkpoint(file: String, missing: [String], unexpected: [String], misShaped: [String])

    public var description: String {
        switch self {
        case let .unknownPreset(n, known):
            return "unknown T5 preset '\(n)': known presets are \(known.joined(separator: ", "))"
        case let .badConfig(file, key, problem):
            return "\(file): config key '\(key)' \(problem)"
        case let .checkpoint(file, missing, unexpected, misShaped):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing tensors: \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty { parts.append("unexpected tensors: \(unexpected.joined(separator: ", "))") }
            if !misShaped.isEmpty { parts.append("mis-shaped tensors: \(misShaped.joined(separator: "; "))") }
            return "\(file) does not fit this T5 config — " + parts.joined(separator: " | ")
        }
    }
}

extension T5Config {
    /// Reads HF config.json values; keys we do not use (architectures, task params…) are ignored, since HF
    /// writes many; the ones we use must have the right type.
    public init(json: JSONValue, source: String) throws {
        self.init()
        func int(_ k: String, _ into: inout Int) throws {
            guard let v = json[k] else { return }
            guard let i = v.intValue else { throw T5Error.badConfig(file: source, key: k, problem: "must be an integer, found \(v.typeName)") }
            into = i
        }
        func float(_ k: String, _ into: inout Float) throws {
            guard let v = json[k] else { return }
            guard let d = v.doubleValue else { throw T5Error.badConfig(file: source, key: k, problem: "must be a number, found \(v.typeName)") }
            into = Float(d)
        }
        try int("vocab_size", &vocabSize); try int("d_model", &dModel); try int("d_kv", &dKV); try int("d_ff", &dFF)
        try int("num_layers", &numLayers)
        numDecoderLayers = numLayers
        if json["num_decoder_layers"].map({ $0 != .null }) ?? false { try int("num_decoder_layers", &numDecoderLayers) }
        try int("num_heads", &numHeads)
        try int("relative_attention_num_buckets", &relativeAttentionNumBuckets)
        try int("relative_attention_max_distance", &relativeAttentionMaxDistance)
        try float("dropout_rate", &dropoutRate); try float("layer_norm_epsilon", &layerNormEpsilon)
        try float("initializer_factor", &initializerFactor)
        try int("decoder_start_token_id", &decoderStartTokenID); try int("pad_token_id", &padTokenID)
        try int("eos_token_id", &eosTokenID)
        if let v = json["feed_forward_proj"] {
            guard let s = v.stringValue, ["relu", "gated-gelu", "gelu_new", "gated-gelu_new"].contains(s) else {
                throw T5Error.badConfig(file: source, key: "feed_forward_proj", problem: "must be \"relu\" or \"gated-gelu\", found \(v.serialized())")
            }
            feedForwardProj = s
        }
        if let v = json["tie_word_embeddings"] {
            guard let b = v.boolValue else { throw T5Error.badConfig(file: source, key: "tie_word_embeddings", problem: "must be true or false") }
            tieWordEmbeddings = b
        }
        scaleDecoderOutputs = tieWordEmbeddings
        if let v = json["scale_decoder_outputs"] {
            guard let b = v.boolValue else { throw T5Error.badConfig(file: source, key: "scale_decoder_outputs", problem: "must be true or false") }
            scaleDecoderOutputs = b
        }
        for (k, v) in [("d_model", dModel), ("num_heads", numHeads), ("vocab_size", vocabSize), ("num_layers", numLayers)] where v <= 0 {
            throw T5Error.badConfig(file: source, key: k, problem: "must be positive, found \(v)")
        }
    }

    public static func load(contentsOf url: URL) throws -> T5Config {
        try T5Config(json: try JSONValue.parse(contentsOf: url), source: url.path)
    }

    /// config.json as HF transformers writes it for T5ForConditionalGeneration.
    public var json: JSONValue {
        .object([
            ("architectures", .array([.string("T5ForConditionalGeneration")])),
            ("model_type", .string("t5")),
            ("vocab_size", .int(vocabSize)), ("d_model", .int(dModel)), ("d_kv", .int(dKV)), ("d_ff", .int(dFF)),
            ("num_layers", .int(numLayers)), ("num_decoder_layers", .int(numDecoderLayers)), ("num_heads", .int(numHeads)),
            ("relative_attention_num_buckets", .int(relativeAttentionNumBuckets)),
            ("relative_attention_max_distance", .int(relativeAttentionMaxDistance)),
            ("dropout_rate", .double(Double(dropoutRate))), ("layer_norm_epsilon", .double(Double(layerNormEpsilon))),
            ("initializer_factor", .double(Double(initializerFactor))),
            ("feed_forward_proj", .string(feedForwardProj)), ("tie_word_embeddings", .bool(tieWordEmbeddings)),
            ("scale_decoder_outputs", .bool(scaleDecoderOutputs)),
            ("is_encoder_decoder", .bool(true)), ("use_cache", .bool(true)),
            ("decoder_start_token_id", .int(decoderStartTokenID)), ("pad_token_id", .int(padTokenID)),
            ("eos_token_id", .int(eosTokenID)),
        ])
    }
}
