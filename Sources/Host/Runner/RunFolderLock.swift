// One writer per output_dir: an exclusive flock on the hidden sibling `.NAME.lock`, held while the run writes
// its staging folder and swaps it in. The kernel drops the lock when the process ends, however it ends, so a
// staging folder whose lock is free was left by a process that is gone (README, "Run folders"). The file is
// never deleted (deleting a lock file lets two processes lock two different files) and holds the owner's pid
// for the message a second writer gets. O_CLOEXEC: plugin processes started by the run must not inherit it.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public final class RunFolderLock {
    let fd: Int32
    public let url: URL

    private init(fd: Int32, url: URL) {
        self.fd = fd
        self.url = url
    }

    deinit { close(fd) }

    /// Takes the lock of `folder` (`.NAME.lock` beside it) or throws `busy` naming the process that holds it.
    public static func acquire(for folder: RunFolder) throws -> RunFolderLock {
        let url = folder.lockFile
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunFolderError(folder.destination.path, .notWritable,
                                 "cannot create the lock file \(url.lastPathComponent) beside it (\(String(cString: strerror(errno)))); is \(url.deletingLastPathComponent().path) writable?")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let owner = (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(fd)
            throw RunFolderError(folder.destination.path, .busy,
                                 "another idgenrec process\(owner.isEmpty ? "" : " (pid \(owner))") is writing this run folder; wait for it to end or stop it")
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return RunFolderLock(fd: fd, url: url)
    }
}
