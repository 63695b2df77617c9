// Putting a complete staging folder in place so that a kill at any moment leaves either the old run or the
// new one at output_dir, never a mix. Without a run there: one rename. Over a finished run: Linux's
// renameat2(RENAME_EXCHANGE) swaps the two folders in one step, then the old one (now in staging) is renamed
// to `.NAME.replaced` and deleted. Where the filesystem cannot exchange, two renames (old → .replaced, staging
// → output_dir) leave a moment with no output_dir; `recoverInterruptedSwap` (run under the lock before any new
// work) finishes or undoes such a swap.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension RunFolder {
    /// Moves the complete staging folder to output_dir, replacing what is there (a finished run, an unfinished
    /// one, or an empty folder). The marker goes first: a staging folder without it is no process's work. When
    /// the swap fails before it took effect, the marker goes back: the staging folder is still this run's work.
    func commit() throws {
        try? FileManager.default.removeItem(at: staging.appendingPathComponent(Self.stagingMarker))
        do {
            try swapIn()
        } catch {
            try? markStaging()       // still this process's unfinished work, not a swap's leftover
            throw error
        }
    }

    private func swapIn() throws {
        switch state {
        case .absent:
            try rename(staging, to: destination)
        case .empty:
            try? FileManager.default.removeItem(at: destination)
            try rename(staging, to: destination)
        case .file, .foreign:
            throw RunFolderError(destination.path, .foreign, "is no run folder any more (something else was put there during the run); the new run stays in \(staging.path)")
        case .finished, .unfinished:
            if try exchange(staging, destination) {
                // The new run is in place: what follows is cleanup, which a failure (or a kill) leaves to the next
                // run's recovery rather than undoing the swap.
                guard (try? rename(staging, to: displaced)) != nil else { return }
            } else {
                try rename(destination, to: displaced)
                try rename(staging, to: destination)
            }
            try? FileManager.default.removeItem(at: displaced)
        }
    }

    /// After a kill in the middle of `commit`: with output_dir gone, the complete staging folder (no marker) is
    /// put in place, else the displaced run goes back; with output_dir there, the displaced run is deleted.
    /// Returns what it did, for the log.
    func recoverInterruptedSwap() throws -> String? {
        guard FileManager.default.fileExists(atPath: displaced.path) else { return nil }
        if state != .absent {
            try? FileManager.default.removeItem(at: displaced)
            return "removed \(displaced.lastPathComponent), the run replaced by the last swap"
        }
        let stagedComplete = Self.holdsFinishedRun(staging)
            && !FileManager.default.fileExists(atPath: staging.appendingPathComponent(Self.stagingMarker).path)
        if stagedComplete {
            try rename(staging, to: destination)
            try? FileManager.default.removeItem(at: displaced)
            return "finished the swap a stopped process began: \(destination.path) now holds its new run"
        }
        try rename(displaced, to: destination)
        return "put back \(destination.path), which a stopped process was replacing"
    }

    private func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw RunFolderError(to.path, .notWritable, "cannot move \(from.path) here (\(String(cString: strerror(errno))))")
        }
    }

    /// Swaps two folders atomically; false when this kernel or filesystem cannot (the caller falls back).
    private func exchange(_ a: URL, _ b: URL) throws -> Bool {
        guard let call = Self.renameat2 else { return false }
        if call(AT_FDCWD, a.path, AT_FDCWD, b.path, Self.renameExchange) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP { return false }
        throw RunFolderError(b.path, .notWritable, "cannot swap in the new run from \(a.path) (\(String(cString: strerror(errno))))")
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// RENAME_EXCHANGE from <linux/fs.h>; glibc ≥ 2.28 exports renameat2, which Swift's Glibc module does not declare.
    static let renameExchange: UInt32 = 2
    static let renameat2: RenameAt2? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
}
