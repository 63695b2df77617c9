// Why a causal-LM configuration or checkpoint was refused. Every case names the file (and key or tensors) it
// is about and reads as advice.
import Foundation

public enum CausalLMError: Error, CustomStringConvertible, Equatable {
    case unknownPreset(String, known: [String])
    /// A config.json value of the wrong type, out of range, or asking for something this model does not do.
    case badConfig(file: String, key: String, problem: String)
    /// model.safetensors does not fit the config: every missing, unexpected and mis-shaped tensor at once.
    case checkpoint(file: String, missing: [String], unexpected: [String], misShaped: [String])

    public var description: String {
        switch self {
        case let .unknownPreset(name, known):
            return "unknown causal-LM preset '\(name)': known presets are \(known.joined(separator: ", "))"
        case let .badConfig(file, key, problem):
            return "\(file): config key '\(key)' \(problem)"
        case let .checkpoint(file, missing, unexpected, misShaped):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing tensors: \(missing.joined(separator: ", "))") }
            if !unexpected.isEmpty { parts.append("unexpected tensors: \(unexpected.joined(separator: ", "))") }
            if !misShaped.isEmpty { parts.append("mis-shaped tensors: \(misShaped.joined(separator: "; "))") }
            return "\(file) does not fit this causal-LM config — " + parts.joined(separator: " | ")
        }
    }
}
