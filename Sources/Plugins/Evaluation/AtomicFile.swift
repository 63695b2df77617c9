// Writes a run's output files so a reader (or a crash) never sees half of one: the bytes go to a temporary
// file in the same folder, then rename(2) replaces the target in one step.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        do {
            try data.write(to: temp)
        } catch {
            throw OutputFileError(path: url.path, reason: "cannot write the temporary file \(temp.lastPathComponent) "
                                  + "(\(error.localizedDescription)); does the folder exist and is it writable?")
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw OutputFileError(path: url.path, reason: "cannot replace it: \(reason)")
        }
    }
}

/// An output file that could not be written, with the path and what to check.
public struct OutputFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
