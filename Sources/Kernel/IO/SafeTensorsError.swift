// Why a safetensors file could not be read or written. Every case names the file and, when one is to blame,
// the tensor, and its description reads as advice. A corrupt file is always one of these — never a crash.

public enum SafeTensorsError: Error, Equatable, CustomStringConvertible {
    /// Fewer than the 8 bytes that hold the header length.
    case truncated(file: String, byteCount: Int)
    /// The 8-byte length promises more header than the file holds.
    case headerLengthBeyondFile(file: String, headerLength: UInt64, fileSize: Int)
    /// The header is larger than the reference implementation accepts (100 MB): almost surely not a safetensors file.
    case headerTooLarge(file: String, headerLength: UInt64)
    case headerNotJSON(file: String, reason: String)
    /// The header is valid JSON but not an object of tensor entries.
    case headerNotObject(file: String, found: String)
    /// A tensor entry lacks `dtype`, `shape` or `data_offsets`, or has them in the wrong form.
    case malformedEntry(file: String, tensor: String, reason: String)
    case unknownDType(file: String, tensor: String, dtype: String)
    /// A real safetensors dtype that this reader does not convert to Float.
    case unsupportedDType(file: String, tensor: String, dtype: String)
    /// `data_offsets` run past the data region, or end before they begin.
    case offsetsOutOfRange(file: String, tensor: String, begin: Int, end: Int, dataSize: Int)
    /// The byte span does not equal elements(shape) × dtype width.
    case sizeMismatch(file: String, tensor: String, shape: [Int], dtype: String, expectedBytes: Int, actualBytes: Int)
    case overlappingOffsets(file: String, tensor: String, other: String)
    /// Bytes of the data region no tensor claims (the reference format forbids holes and trailing bytes).
    case uncoveredBytes(file: String, from: Int, to: Int, dataSize: Int)
    case tensorNotFound(file: String, tensor: String, available: [String])
    /// Writing: a tensor whose values do not fill its shape, a reserved or repeated name.
    case invalidTensor(file: String, tensor: String, reason: String)
    case ioFailure(file: String, reason: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case let .truncated(f, _), let .headerLengthBeyondFile(f, _, _), let .headerTooLarge(f, _),
             let .headerNotJSON(f, _), let .headerNotObject(f, _), let .malformedEntry(f, _, _),
             let .unknownDType(f, _, _), let .unsupportedDType(f, _, _), let .offsetsOutOfRange(f, _, _, _, _),
             let .sizeMismatch(f, _, _, _, _, _), let .overlappingOffsets(f, _, _), let .uncoveredBytes(f, _, _, _),
             let .tensorNotFound(f, _, _), let .invalidTensor(f, _, _), let .ioFailure(f, _):
            return f
        }
    }

    /// The tensor the error is about, when one is to blame.
    public var tensor: String? {
        switch self {
        case let .malformedEntry(_, t, _), let .unknownDType(_, t, _), let .unsupportedDType(_, t, _),
             let .offsetsOutOfRange(_, t, _, _, _), let .sizeMismatch(_, t, _, _, _, _),
             let .overlappingOffsets(_, t, _), let .tensorNotFound(_, t, _), let .invalidTensor(_, t, _):
            return t
        default:
            return nil
        }
    }

    public var description: String {
        switch self {
        case let .truncated(f, n):
            return "\(f): truncated safetensors file (\(n) bytes; the 8-byte header length alone needs 8) — re-download or re-save it"
        case let .headerLengthBeyondFile(f, len, size):
            return "\(f): header claims \(len) bytes but the file has only \(size) — the file is truncated or not safetensors"
        case let .headerTooLarge(f, len):
            return "\(f): header length \(len) exceeds the 100 MB limit of the safetensors format — not a safetensors file?"
        case let .headerNotJSON(f, reason):
            return "\(f): safetensors header is not valid JSON (\(reason)) — the file is corrupt or not safetensors"
        case let .headerNotObject(f, found):
            return "\(f): safetensors header is a JSON \(found), expected an object of tensor entries"
        case let .malformedEntry(f, t, reason):
            return "\(f): tensor '\(t)': \(reason)"
        case let .unknownDType(f, t, d):
            let known = SafeTensorsDType.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(f): tensor '\(t)' has unknown dtype '\(d)' (safetensors dtypes: \(known))"
        case let .unsupportedDType(f, t, d):
            return "\(f): tensor '\(t)' is \(d); only F32, F16 and BF16 are read — convert the checkpoint to float (e.g. model.float() before save)"
        case let .offsetsOutOfRange(f, t, b, e, size):
            return "\(f): tensor '\(t)' data_offsets [\(b), \(e)] fall outside the \(size)-byte data region — the file is truncated or its header lies"
        case let .sizeMismatch(f, t, shape, d, want, got):
            return "\(f): tensor '\(t)' of shape \(shape) and dtype \(d) needs \(want) bytes but its data_offsets span \(got)"
        case let .overlappingOffsets(f, t, o):
            return "\(f): tensor '\(t)' overlaps tensor '\(o)' in the data region — the header is corrupt"
        case let .uncoveredBytes(f, from, to, size):
            return "\(f): bytes \(from)..<\(to) of the \(size)-byte data region belong to no tensor — the header is corrupt or incomplete"
        case let .tensorNotFound(f, t, available):
            let shown = available.prefix(8).joined(separator: ", ") + (available.count > 8 ? ", …" : "")
            return "\(f): no tensor named '\(t)' (the file has \(available.count): \(shown))"
        case let .invalidTensor(f, t, reason):
            return "\(f): cannot write tensor '\(t)': \(reason)"
        case let .ioFailure(f, reason):
            return "\(f): \(reason)"
        }
    }
}
