// Errors from reading, writing and training tokenizer files. Each names the file and the JSON field (a dotted
// path such as `normalizer.normalizers[2].pattern`) and reads as advice.
public enum TokenizerError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read or is not JSON.
    case unreadable(file: String, reason: String)
    /// A field the tokenizer needs is absent.
    case missingField(file: String, field: String)
    /// A field holds the wrong JSON type.
    case wrongType(file: String, field: String, expected: String, found: String)
    /// A field names a component (normalizer, pre-tokenizer, decoder, regex feature…) this reader does not implement.
    case unsupported(file: String, field: String, value: String, supported: [String])
    /// A field has the right type but a value that cannot be used.
    case invalidValue(file: String, field: String, reason: String)
    /// The trainer cannot build a vocabulary from what it was given.
    case training(reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the tokenizer file: \(reason)"
        case let .missingField(file, field):
            return "\(file): missing field '\(field)': a HF tokenizer.json for a Unigram model needs it"
        case let .wrongType(file, field, expected, found):
            return "\(file): field '\(field)' is \(found) but should be \(expected)"
        case let .unsupported(file, field, value, supported):
            return "\(file): field '\(field)' is '\(value)', which this Unigram tokenizer does not implement; "
                + "supported: \(supported.joined(separator: ", "))"
        case let .invalidValue(file, field, reason):
            return "\(file): field '\(field)': \(reason)"
        case let .training(reason):
            return "tokenizer training: \(reason)"
        }
    }
}
