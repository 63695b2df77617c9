// Every result and checkpoint file is written through here: bytes go to a temporary file in the same folder,
// which rename(2) then puts over the target in one step, so a crash leaves either the old file or the new
// one — never half of one.
import Foundation

public enum AtomicFile {
    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: url.path, reason: "cannot create its folder (\(error.localizedDescription))")
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temp)
        } catch {
            throw OutputFileError(path: url.path, reason: "cannot write the temporary file \(temp.lastPathComponent) "
                                  + "(\(error.localizedDescription)); is the folder writable and the disk not full?")
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw OutputFileError(path: url.path, reason: "cannot replace it: \(reason)")
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// An output file that could not be written, with the path and what to check.
public struct OutputFileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "\(path): \(reason)" }
}
