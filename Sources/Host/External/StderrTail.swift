import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The last few kilobytes a subprocess plugin wrote to stderr, drained continuously on a background thread
// (so a chatty plugin never blocks on a full pipe) and attached to every error about that plugin.
final class StderrTail {
    static let limit = 4096
    private var bytes: [UInt8] = []
    private var ended = false
    private let lock = NSLock()

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.suffix(12).joined(separator: "\n")
    }

    func drain(_ fd: Int32) {
        let t = Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                lock.lock()
                bytes += chunk[..<n]
                if bytes.count > StderrTail.limit { bytes.removeFirst(bytes.count - StderrTail.limit) }
                lock.unlock()
            }
            lock.lock()
            ended = true
            lock.unlock()
        }
        t.start()
    }

    /// Waits (briefly) until the plugin's stderr is closed, so its last words are in the tail.
    func waitForEnd(until: Date) {
        while Date() < until {
            lock.lock()
            let done = ended
            lock.unlock()
            if done { return }
            usleep(5_000)
        }
    }
}
