import Foundation
import IDGenPlugins

/// A temporary folder of small files written by a test (malformed-input cases), removed by `remove()`.
struct ScratchFolder {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("idgen-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Tests/Fixtures/data/<name>, found from this file's path.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/data/\(name)").path
    }

    /// ../shared/data/<name> beside the repository, or nil when absent (tests skip).
    static func sharedData(_ name: String) -> String? {
        let p = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/\(name)").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }
}

/// The malformed-line error's file name and line, for asserting that errors point at the right place.
func malformedLocation(_ error: Error) -> (file: String, line: Int)? {
    if case let .malformedLine(file, line, _) = error as? DatasetError { return ((file as NSString).lastPathComponent, line) }
    return nil
}
