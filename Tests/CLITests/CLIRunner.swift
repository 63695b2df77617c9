import Foundation

/// Starts the `idgenrec` binary built next to the test bundle and collects its output.
enum CLIRunner {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    /// The package root, found from this file's path (Tests/CLITests/CLIRunner.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The executable built beside the test bundle (same configuration), e.g. .build/release/idgenrec.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["IDGENREC_BIN"] { return URL(fileURLWithPath: path) }
        let dir = Bundle(for: Marker.self).bundleURL
        let beside = dir.appendingPathComponent("idgenrec")
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        return dir.deletingLastPathComponent().appendingPathComponent("idgenrec")
    }

    /// Starts `idgenrec args` and kills it with SIGKILL once the checkpoint `state` (a state.json) names
    /// step ≥ `step`; the step it was killed at, or nil when the run ended (or `seconds` passed) first. The
    /// bound only guards against a hung run: on a machine shared with other builds a step can take seconds.
    static func killAtCheckpoint(_ args: [String], state: URL, step: Int, seconds: Double = 600) throws -> Int? {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { p.waitUntilExit() }
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline {
            if let data = try? Data(contentsOf: state), let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let reached = json["step"] as? Int, reached >= step {
                kill(p.processIdentifier, SIGKILL)
                return reached
            }
            usleep(5_000)
        }
        return nil
    }

    /// Starts `idgenrec args` and kills it with SIGKILL after `seconds`; true when it was still running then
    /// (false: it had ended on its own).
    static func killAfter(_ args: [String], seconds: Double) throws -> Bool {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { p.waitUntilExit() }
        let deadline = Date().addingTimeInterval(seconds)
        while p.isRunning && Date() < deadline { usleep(2_000) }
        guard p.isRunning else { return false }
        Foundation.kill(p.processIdentifier, SIGKILL)
        return true
    }

    /// A fresh folder for one test (named after it, emptied first).
    static func scratch(_ test: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("idgenrec-cli-\(ProcessInfo.processInfo.processIdentifier)-\(test.filter { $0.isLetter })")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func run(_ args: [String], cwd: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let cwd { p.currentDirectoryURL = cwd }
        let o = Pipe(), e = Pipe()
        p.standardOutput = o
        p.standardError = e
        try p.run()
        let od = o.fileHandleForReading.readDataToEndOfFile()
        let ed = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: od, as: UTF8.self),
                      stderr: String(decoding: ed, as: UTF8.self))
    }

    final class Marker {}
}
