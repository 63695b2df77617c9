// Streams a text file line by line through stdio's buffered `getline`, so files of several GB are read in
// chunks and never held whole. Each line is handed out as raw bytes (no String per line unless the caller makes
// one), with its 1-based number for error messages.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public final class LineReader {
    public let path: String
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>? = nil
    private var capacity: Int = 0
    private var ioBuffer: UnsafeMutablePointer<CChar>

    public init(path: String) throws {
        guard let f = fopen(path, "rb") else {
            throw DatasetError.cannotOpen(file: path, reason: String(cString: strerror(errno)))
        }
        file = f
        self.path = path
        // A 1 MiB stdio buffer: fewer read(2) calls on big files.
        ioBuffer = .allocate(capacity: 1 << 20)
        setvbuf(f, ioBuffer, _IOFBF, 1 << 20)
    }

    deinit {
        fclose(file)
        free(buffer)
        ioBuffer.deallocate()
    }

    /// Calls `body(bytes, lineNumber)` for every line, without its `\n` (or `\r\n`). The bytes are only valid
    /// during the call. A final line without a newline is still delivered.
    public func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        var number = 0
        while true {
            let n = getline(&buffer, &capacity, file)
            if n < 0 {
                if ferror(file) != 0 { throw DatasetError.cannotOpen(file: path, reason: "read error after line \(number)") }
                return
            }
            number += 1
            var len = n
            let raw = UnsafeRawPointer(buffer!).assumingMemoryBound(to: UInt8.self)
            if len > 0 && raw[len - 1] == 10 { len -= 1 }
            if len > 0 && raw[len - 1] == 13 { len -= 1 }
            try body(UnsafeBufferPointer(start: raw, count: len), number)
        }
    }

    /// The size of the file in bytes (for throughput numbers and progress).
    public static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
