// The parsed and validated header of a safetensors file (huggingface/safetensors, "format" in its README):
//
//   [8 bytes: N, unsigned little-endian] [N bytes: JSON object] [data region]
//
// The JSON maps each tensor name to {"dtype", "shape", "data_offsets": [begin, end]} with offsets relative to
// the start of the data region; an optional "__metadata__" maps strings to strings. Like the reference Rust
// reader, the tensors must tile the data region exactly: no overlap, no hole, no trailing bytes.

public struct SafeTensorsHeader: Sendable {
    /// One tensor's header entry. Offsets are relative to the data region.
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var dtype: SafeTensorsDType
        public var shape: [Int]
        public var begin: Int
        public var end: Int
    }

    /// Tensor entries in the order the header lists them.
    public var entries: [Entry]
    /// The `__metadata__` map (e.g. `{"format": "pt"}`), keys in header order.
    public var metadata: [(String, String)]
    /// Byte offset of the data region in the file (8 + header length).
    public var dataStart: Int
    /// Size of the data region in bytes.
    public var dataSize: Int

    /// The reference implementation's limit; a larger "length" means the file is not safetensors.
    static let maxHeaderLength: UInt64 = 100_000_000

    /// Parses and validates the header of `bytes`, the whole file. `source` names the file in errors.
    public static func parse(_ bytes: UnsafeRawBufferPointer, source: String) throws -> SafeTensorsHeader {
        guard bytes.count >= 8 else { throw SafeTensorsError.truncated(file: source, byteCount: bytes.count) }
        let length = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        guard length <= maxHeaderLength else { throw SafeTensorsError.headerTooLarge(file: source, headerLength: length) }
        guard length <= UInt64(bytes.count - 8) else {
            throw SafeTensorsError.headerLengthBeyondFile(file: source, headerLength: length, fileSize: bytes.count)
        }
        let dataStart = 8 + Int(length)
        var text = [UInt8](bytes[8..<dataStart])
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes: &text, source: source)
        } catch let error as JSONParseError {
            throw SafeTensorsError.headerNotJSON(file: source, reason: "line \(error.line), column \(error.column): \(error.reason)")
        }
        guard let pairs = json.objectValue else {
            throw SafeTensorsError.headerNotObject(file: source, found: json.typeName)
        }
        var header = SafeTensorsHeader(entries: [], metadata: [], dataStart: dataStart, dataSize: bytes.count - dataStart)
        for (name, value) in pairs {
            if name == "__metadata__" {
                header.metadata = try metadata(value, source: source)
            } else {
                header.entries.append(try entry(name, value, dataSize: header.dataSize, source: source))
            }
        }
        try checkTiling(header.entries, dataSize: header.dataSize, source: source)
        return header
    }

    private static func metadata(_ value: JSONValue, source: String) throws -> [(String, String)] {
        guard let pairs = value.objectValue else {
            throw SafeTensorsError.malformedEntry(file: source, tensor: "__metadata__", reason: "must be an object of strings, found \(value.typeName)")
        }
        return try pairs.map { key, v in
            guard let s = v.stringValue else {
                throw SafeTensorsError.malformedEntry(file: source, tensor: "__metadata__", reason: "value of '\(key)' must be a string, found \(v.typeName)")
            }
            return (key, s)
        }
    }

    private static func entry(_ name: String, _ value: JSONValue, dataSize: Int, source: String) throws -> Entry {
        func malformed(_ reason: String) -> SafeTensorsError { .malformedEntry(file: source, tensor: name, reason: reason) }
        guard value.objectValue != nil else { throw malformed("entry must be an object with dtype, shape and data_offsets, found \(value.typeName)") }
        guard let dtypeName = value["dtype"]?.stringValue else { throw malformed("missing or non-string 'dtype'") }
        guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
            throw SafeTensorsError.unknownDType(file: source, tensor: name, dtype: dtypeName)
        }
        guard let dims = value["shape"]?.arrayValue else { throw malformed("missing or non-array 'shape'") }
        let shape = try dims.map { d -> Int in
            guard let n = d.intValue, n >= 0 else { throw malformed("shape entries must be non-negative integers, found \(d.serialized())") }
            return n
        }
        guard let offsets = value["data_offsets"]?.arrayValue, offsets.count == 2,
              let begin = offsets[0].intValue, let end = offsets[1].intValue else {
            throw malformed("'data_offsets' must be [begin, end], two integers")
        }
        guard begin >= 0, begin <= end, end <= dataSize else {
            throw SafeTensorsError.offsetsOutOfRange(file: source, tensor: name, begin: begin, end: end, dataSize: dataSize)
        }
        var expected = dtype.byteWidth
        for d in shape {
            let (product, overflow) = expected.multipliedReportingOverflow(by: d)
            guard !overflow else { throw malformed("shape \(shape) is too large to address") }
            expected = product
        }
        guard expected == end - begin else {
            throw SafeTensorsError.sizeMismatch(file: source, tensor: name, shape: shape, dtype: dtypeName,
                                                expectedBytes: expected, actualBytes: end - begin)
        }
        return Entry(name: name, dtype: dtype, shape: shape, begin: begin, end: end)
    }

    /// Tensors must cover the data region exactly once, as the reference reader demands: an overlap or a hole
    /// means the header does not describe the bytes that follow it.
    private static func checkTiling(_ entries: [Entry], dataSize: Int, source: String) throws {
        let sorted = entries.sorted { ($0.begin, $0.end) < ($1.begin, $1.end) }
        var cursor = 0
        var previous = ""
        for e in sorted {
            if e.begin < cursor {
                throw SafeTensorsError.overlappingOffsets(file: source, tensor: e.name, other: previous)
            }
            if e.begin > cursor {
                throw SafeTensorsError.uncoveredBytes(file: source, from: cursor, to: e.begin, dataSize: dataSize)
            }
            cursor = e.end
            previous = e.name
        }
        if cursor != dataSize {
            throw SafeTensorsError.uncoveredBytes(file: source, from: cursor, to: dataSize, dataSize: dataSize)
        }
    }
}
