// HF-compatible checkpoints: a folder with config.json (LlamaConfig) and model.safetensors (F32, HF names),
// loadable by `LlamaForCausalLM.from_pretrained`. Tied models store the embedding once, as save_pretrained
// does (no lm_head.weight). Loading checks every tensor and reports all missing, unexpected and mis-shaped
// ones in one error naming the file; a truncated or corrupt file is a SafeTensorsError naming it.
import Foundation

extension CausalLM {
    /// Loads `directory/config.json` and `directory/model.safetensors`.
    public static func load(directory: URL) throws -> CausalLM {
        let config = try CausalLMConfig.load(contentsOf: directory.appendingPathComponent("config.json"))
        let model = CausalLM(config: config, seed: 0)
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
            if a.shape != p.shape { misShaped.append("\(name) is \(a.shape), expected \(p.shape)") }
        }
        // A tied checkpoint may still carry the head (some writers keep the alias); its values are the embedding's.
        let ignorable: Set<String> = config.tieWordEmbeddings ? ["lm_head.weight"] : []
        let unexpected = file.names.filter { !known.contains($0) && !ignorable.contains($0) }
        if !missing.isEmpty || !unexpected.isEmpty || !misShaped.isEmpty {
            throw CausalLMError.checkpoint(file: url.path, missing: missing, unexpected: unexpected, misShaped: misShaped)
        }
        assign(file.tensors)
    }

    /// Writes config.json and model.safetensors into `directory` (created if needed), each atomically.
    public func save(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try SafeTensors.write(namedParameters.map { ($0.0, $0.1.namedArray) }, metadata: ["format": "pt"],
                              to: directory.appendingPathComponent("model.safetensors"))
        try AtomicFile.write(try config.jsonText(), to: directory.appendingPathComponent("config.json"))
    }
}
