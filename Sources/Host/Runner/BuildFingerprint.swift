// Which idgenrec build made a run: a hash of the running executable, written to run.json. `compare` reuses
// finished variant folders; when one was made by another build (the code changed since), its numbers may
// not be what this build would give, and the comparison says so instead of mixing them in silently.
import Foundation

enum BuildFingerprint {
    /// FNV-1a over the bytes of /proc/self/exe (hex), or "unknown" where that cannot be read.
    static let current: String = {
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") else { return "unknown" }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        data.withUnsafeBytes { raw in
            for b in raw.bindMemory(to: UInt8.self) { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        }
        return String(h, radix: 16)
    }()

    /// A note when the finished run in `folder` was made by another build (nil when it is this build's, or
    /// when its run.json predates fingerprints).
    static func staleNote(label: String, folder: URL, current: String = BuildFingerprint.current) -> String? {
        guard let info = try? JSONValue.parse(contentsOf: folder.appendingPathComponent("run.json")),
              let made = info["build"]?.stringValue, made != current else { return nil }
        return "\(label): reused from \(folder.path), made by another idgenrec build (\(made), this one \(current)); "
            + "delete the folder to run it with this build"
    }
}
