// Typed access to the fields of a tokenizer.json, so every failure names the file and the dotted field path.
import IDGenKernel

struct TokenizerFileReader {
    let file: String

    func object(_ value: JSONValue?, _ field: String) throws -> JSONValue {
        guard let value else { throw TokenizerError.missingField(file: file, field: field) }
        guard case .object = value else { throw wrongType(value, field, "an object") }
        return value
    }

    func array(_ value: JSONValue?, _ field: String) throws -> [JSONValue] {
        guard let value else { throw TokenizerError.missingField(file: file, field: field) }
        guard let a = value.arrayValue else { throw wrongType(value, field, "an array") }
        return a
    }

    func string(_ value: JSONValue?, _ field: String) throws -> String {
        guard let value else { throw TokenizerError.missingField(file: file, field: field) }
        guard let s = value.stringValue else { throw wrongType(value, field, "a string") }
        return s
    }

    func int(_ value: JSONValue?, _ field: String) throws -> Int {
        guard let value else { throw TokenizerError.missingField(file: file, field: field) }
        guard let i = value.intValue else { throw wrongType(value, field, "an integer") }
        return i
    }

    func double(_ value: JSONValue?, _ field: String) throws -> Double {
        guard let value else { throw TokenizerError.missingField(file: file, field: field) }
        guard let d = value.doubleValue else { throw wrongType(value, field, "a number") }
        return d
    }

    /// A boolean that may be absent (then `default`), but not of another type.
    func bool(_ value: JSONValue?, _ field: String, default def: Bool) throws -> Bool {
        guard let value, value != .null else { return def }
        guard let b = value.boolValue else { throw wrongType(value, field, "true or false") }
        return b
    }

    /// A string that may be absent or null.
    func optionalString(_ value: JSONValue?, _ field: String) throws -> String? {
        guard let value, value != .null else { return nil }
        guard let s = value.stringValue else { throw wrongType(value, field, "a string") }
        return s
    }

    /// One HF pipeline component (`normalizer`, `pre_tokenizer`, `decoder`) as a flat list of steps: null is
    /// none, a `Sequence` contributes its `sequenceKey` members in order (nested ones too), any other type is
    /// read by `parse(object, type, field)`. Field paths in errors follow the nesting (`decoder.decoders[1]`).
    func steps<Step>(_ json: JSONValue?, _ field: String, sequenceKey: String,
                     parse: (JSONValue, String, String) throws -> [Step]) throws -> [Step] {
        guard let json, json != .null else { return [] }
        let obj = try object(json, field)
        let kind = try type(obj, field)
        guard kind == "Sequence" else { return try parse(obj, kind, field) }
        var out: [Step] = []
        for (i, member) in try array(obj[sequenceKey], field + "." + sequenceKey).enumerated() {
            out += try steps(member, "\(field).\(sequenceKey)[\(i)]", sequenceKey: sequenceKey, parse: parse)
        }
        return out
    }

    func type(_ value: JSONValue, _ field: String) throws -> String {
        try string(value["type"], field + ".type")
    }

    func unsupported(_ field: String, _ value: String, _ supported: [String]) -> TokenizerError {
        .unsupported(file: file, field: field, value: value, supported: supported)
    }

    func invalid(_ field: String, _ reason: String) -> TokenizerError {
        .invalidValue(file: file, field: field, reason: reason)
    }

    private func wrongType(_ value: JSONValue, _ field: String, _ expected: String) -> TokenizerError {
        .wrongType(file: file, field: field, expected: expected, found: value.typeName)
    }
}
