// A run's recommender loaded back from its checkpoint folder, whichever backbone wrote it: config.json's
// `model_type` (as Hugging Face writes it) says which class reads the folder.
import Foundation

public enum GenerativeCheckpoint {
    public struct UnknownModelType: Error, CustomStringConvertible {
        public let file: String, modelType: String, known: [String]
        public var description: String {
            "\(file): model_type '\(modelType)' is not a model this build reads (known: \(known.joined(separator: ", ")))"
        }
    }

    /// The model in `directory` (config.json + model.safetensors).
    public static func load(directory: URL) throws -> any GenerativeModel {
        let configURL = directory.appendingPathComponent("config.json")
        let type = try JSONValue.parse(contentsOf: configURL)["model_type"]?.stringValue ?? "t5"
        switch type {
        case "t5": return try T5Model.load(directory: directory)
        case "llama": return try CausalLM.load(directory: directory)
        default:
            throw UnknownModelType(file: configURL.path, modelType: type, known: ["t5", "llama"])
        }
    }
}
