// Reading and writing Hugging Face safetensors files, the checkpoint format HF transformers loads
// (`model.safetensors`). Layout and validation rules: see `SafeTensorsHeader`. Writing is F32 only; reading
// converts F32, F16 and BF16 to Float32. Files are written atomically (temporary file, then rename) so an
// interrupted save never leaves a half-written checkpoint under the real name.
import Foundation

public enum SafeTensors {
    /// Reads every tensor of the file at `url`, converted to Float32.
    public static func read(contentsOf url: URL) throws -> SafeTensorsFile {
        let data = try load(url)
        return try data.withUnsafeBytes { try decode($0, source: url.path) }
    }

    /// Reads and validates only the header (names, dtypes, shapes) — for listing or checking a checkpoint.
    public static func readHeader(contentsOf url: URL) throws -> SafeTensorsHeader {
        let data = try load(url)
        return try data.withUnsafeBytes { try SafeTensorsHeader.parse($0, source: url.path) }
    }

    /// Decodes a whole safetensors file held in memory. `source` names it in errors.
    public static func decode(_ bytes: UnsafeRawBufferPointer, source: String) throws -> SafeTensorsFile {
        let header = try SafeTensorsHeader.parse(bytes, source: source)
        var tensors: [String: NamedArray] = [:]
        tensors.reserveCapacity(header.entries.count)
        for entry in header.entries {
            guard entry.dtype.isReadable else {
                throw SafeTensorsError.unsupportedDType(file: source, tensor: entry.name, dtype: entry.dtype.rawValue)
            }
            let raw = UnsafeRawBufferPointer(rebasing: bytes[(header.dataStart + entry.begin)..<(header.dataStart + entry.end)])
            tensors[entry.name] = NamedArray(shape: entry.shape, values: floats(raw, dtype: entry.dtype))
        }
        var metadata: [String: String] = [:]
        for (k, v) in header.metadata { metadata[k] = v }
        return SafeTensorsFile(source: source, names: header.entries.map(\.name), tensors: tensors, metadata: metadata)
    }

    private static func load(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw SafeTensorsError.ioFailure(file: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Little-endian F32 / F16 / BF16 bytes to Float32.
    static func floats(_ raw: UnsafeRawBufferPointer, dtype: SafeTensorsDType) -> [Float] {
        let count = raw.count / dtype.byteWidth
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            switch dtype {
            case .f32:
                for i in 0..<count {
                    out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
            case .bf16:
                // bfloat16 is the top half of a float32: shift the bits back into place.
                for i in 0..<count {
                    let bits = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
                    out[i] = Float(bitPattern: UInt32(bits) << 16)
                }
            default:  // .f16, the only other readable dtype
                for i in 0..<count {
                    out[i] = halfToFloat(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
                }
            }
            initialized = count
        }
    }

    /// IEEE 754 binary16 to binary32, exact for every input (normals, subnormals, ±0, ±inf, NaN payloads).
    /// Done by hand rather than with `Float16` so it does not depend on the platform's half support.
    static func halfToFloat(_ h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = Int(h >> 10) & 0x1f
        let mantissa = UInt32(h & 0x03ff)
        switch exponent {
        case 0:
            // ±0 or subnormal: mantissa × 2^-24, exact in float32.
            let magnitude = Float(mantissa) * Float(bitPattern: 0x3380_0000)  // 2^-24
            return Float(bitPattern: sign | magnitude.bitPattern)
        case 0x1f:
            return Float(bitPattern: sign | 0x7f80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | (UInt32(exponent - 15 + 127) << 23) | (mantissa << 13))
        }
    }
}
