// Writing F32 safetensors in the layout HF's writer produces: `__metadata__` first, tensors packed back to back
// in the order given, the header padded with spaces to a multiple of 8 bytes so the data region is aligned.
import Foundation

extension SafeTensors {
    /// Writes `tensors` (in this order) as F32 to `url`, atomically: the bytes go to a temporary file in the
    /// same folder, which is then renamed over `url`.
    public static func write(_ tensors: [(String, NamedArray)], metadata: [String: String] = [:], to url: URL) throws {
        let path = url.path
        let header = try headerBytes(tensors, metadata: metadata, path: path)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard let handle = fopen(temporary, "wb") else {
            throw SafeTensorsError.ioFailure(file: path, reason: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        var ok = true
        var length = UInt64(header.count).littleEndian
        ok = ok && withUnsafeBytes(of: &length) { fwrite($0.baseAddress, 1, 8, handle) == 8 }
        ok = ok && header.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        for (_, array) in tensors where ok {
            let little = array.values.map { $0.bitPattern.littleEndian }
            ok = little.withUnsafeBytes { $0.count == 0 || fwrite($0.baseAddress, 1, $0.count, handle) == $0.count }
        }
        let reason = String(cString: strerror(errno))
        ok = (fclose(handle) == 0) && ok
        guard ok, rename(temporary, path) == 0 else {
            let renameReason = String(cString: strerror(errno))
            unlink(temporary)
            throw SafeTensorsError.ioFailure(file: path, reason: "write failed: \(ok ? renameReason : reason)")
        }
    }

    /// Writes the tensors of `file` in its header order.
    public static func write(_ file: SafeTensorsFile, to url: URL) throws {
        try write(file.ordered, metadata: file.metadata, to: url)
    }

    static func headerBytes(_ tensors: [(String, NamedArray)], metadata: [String: String], path: String) throws -> [UInt8] {
        var pairs: [(String, JSONValue)] = []
        if !metadata.isEmpty {
            pairs.append(("__metadata__", .object(metadata.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        var seen = Set<String>()
        var offset = 0
        for (name, array) in tensors {
            guard name != "__metadata__", !name.isEmpty else {
                throw SafeTensorsError.invalidTensor(file: path, tensor: name, reason: "the name is empty or reserved")
            }
            guard seen.insert(name).inserted else {
                throw SafeTensorsError.invalidTensor(file: path, tensor: name, reason: "the name appears twice")
            }
            guard array.shape.allSatisfy({ $0 >= 0 }), array.elementCount == array.values.count else {
                throw SafeTensorsError.invalidTensor(file: path, tensor: name,
                                                     reason: "shape \(array.shape) needs \(array.elementCount) values, has \(array.values.count)")
            }
            let end = offset + 4 * array.values.count
            pairs.append((name, .object([
                ("dtype", .string("F32")),
                ("shape", .array(array.shape.map { .int($0) })),
                ("data_offsets", .array([.int(offset), .int(end)])),
            ])))
            offset = end
        }
        var bytes = Array(JSONValue.object(pairs).serialized().utf8)
        while bytes.count % 8 != 0 { bytes.append(0x20) }
        return bytes
    }
}
