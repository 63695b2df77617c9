// HF-compatible checkpoints: a folder with config.json and model.safetensors (F32, HF tensor names), loadable
// by `T5ForConditionalGeneration.from_pretrained`. Loading checks every tensor and reports all missing,
// unexpected and mis-shaped ones in one error.
import Foundation

extension Tensor {
    public convenience init(_ array: NamedArray, requiresGrad: Bool = false) {
        self.init(shape: array.shape, data: array.values, requiresGrad: requiresGrad)
    }
    public var namedArray: NamedArray { NamedArray(shape: shape, values: data) }
}

extension T5Model {
    /// Aliases HF may store for the tied embedding; they carry the same values as `shared.weight`.
    static let embeddingAliases: Set<String> = ["encoder.embed_tokens.weight", "decoder.embed_tokens.weight"]

    /// Loads `directory/config.json` and `directory/model.safetensors`.
    public static func load(directory: URL) throws -> T5Model {
        let config = try T5Config.load(contentsOf: directory.appendingPathComponent("config.json"))
        let model = T5Model(config: config, seed: 0)
        try model.loadWeights(from: directory.appendingPathComponent("model.safetensors"))
        return model
    }

    /// Replaces every parameter's values with the checkpoint's.
    public func loadWeights(from url: URL) throws {
        let file = try SafeTensors.read(contentsOf: url)
        let params = namedParameters
        let known = Set(params.map(\.0))
        var missing: [String] = [], misShaped: [String] = []
        for (name, p) in params {
            guard let a = file[name] else { missing.append(name); continue }
            if a.shape != p.shape { misShaped.append("\(name) is \(a.shape), expected \(p.shape)"); continue }
        }
        let ignorable = T5Model.embeddingAliases.union(config.tieWordEmbeddings ? ["lm_head.weight"] : [])
        let unexpected = file.names.filter { !known.contains($0) && !ignorable.contains($0) }
        if !missing.isEmpty || !unexpected.isEmpty || !misShaped.isEmpty {
            throw T5Error.checkpoint(file: url.path, missing: missing, unexpected: unexpected, misShaped: misShaped)
        }
        for (name, p) in params { p.data = file[name]!.values }
    }

    /// Writes config.json and model.safetensors into `directory` (created if needed), each atomically.
    public func save(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try SafeTensors.write(namedParameters.map { ($0.0, $0.1.namedArray) }, metadata: ["format": "pt"],
                              to: directory.appendingPathComponent("model.safetensors"))
        try AtomicFile.write(config.json.serialized(pretty: true) + "\n", to: directory.appendingPathComponent("config.json"))
    }
}
