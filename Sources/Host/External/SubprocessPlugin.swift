import Foundation
#if canImport(Glibc)
import Glibc
#endif

// A plugin run as a subprocess: the C ABI's messages as JSON lines over stdin/stdout, started once per run
// (the first time a component of it is needed) and stopped when the run ends. Every call has a deadline;
// a plugin that crashes, hangs or writes garbage is stopped and reported with the tail of its stderr —
// the host itself never blocks past the deadline and ignores SIGPIPE so a dead plugin cannot kill it.
public final class SubprocessPlugin: PluginBridge {
    public let label: String
    public private(set) var describeReply: JSONValue = .null
    public let timeout: Double
    let process = Process()
    let stdinFD: Int32
    let stdoutFD: Int32
    let stderrTail = StderrTail()
    var pending: [UInt8] = []
    /// Why the plugin was stopped, once it has been (later calls fail fast with the same story).
    var stopped: PluginError?
    let lock = NSLock()
    let pipes: (Pipe, Pipe, Pipe)

    /// Starts `argv` (looked up on PATH, run in `directory`) and exchanges the describe message.
    public init(argv: [String], directory: URL, name: String, timeout: Double) throws {
        label = "'\(name)' (command \(argv.joined(separator: " ")))"
        self.timeout = timeout
        signal(SIGPIPE, SIG_IGN)
        let (i, o, e) = (Pipe(), Pipe(), Pipe())
        pipes = (i, o, e)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        process.currentDirectoryURL = directory
        process.standardInput = i
        process.standardOutput = o
        process.standardError = e
        stdinFD = i.fileHandleForWriting.fileDescriptor
        stdoutFD = o.fileHandleForReading.fileDescriptor
        _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
        do { try process.run() } catch {
            throw PluginError(plugin: label, .load, "could not start: \(error)")
        }
        stderrTail.drain(e.fileHandleForReading.fileDescriptor)
        let d = try exchange(.object([("method", .string("describe"))]), what: "describe")
        do { describeReply = try checkDescribe(d, label: label) } catch { stop(); throw error }
    }

    deinit { stop() }

    public func call(component: String, method: String, request: JSONValue) throws -> JSONValue {
        lock.lock()
        defer { lock.unlock() }
        let message = JSONValue.object([("component", .string(component)), ("method", .string(method)), ("request", request)])
        let reply = try exchange(message, what: "\(component).\(method)")
        if let e = reply["error"] {
            throw PluginError(plugin: label, .errorReply, "\(component).\(method) failed: \(e.stringValue ?? e.serialized())")
        }
        return reply
    }

    /// Sends one line and waits for one line back, all within `timeout` seconds.
    func exchange(_ message: JSONValue, what: String) throws -> JSONValue {
        if let s = stopped { throw PluginError(plugin: label, .stopped, "was stopped earlier (\(s.message)); not calling \(what)") }
        let deadline = Date().addingTimeInterval(timeout)
        do {
            try expectQuiet(before: what)
            try write(Array((message.serialized() + "\n").utf8), deadline: deadline, what: what)
            let line = try readLine(deadline: deadline, what: what)
            let reply: JSONValue
            do { reply = try JSONValue.parse(line, source: "reply to \(what)") } catch {
                let excerpt = line.count > 200 ? String(line.prefix(200)) + "…" : line
                throw PluginError(plugin: label, .invalidJSON, "answered \(what) with invalid JSON (\(error)): \(excerpt)")
            }
            guard case .object = reply else {
                throw PluginError(plugin: label, .badReply, "answered \(what) with \(reply.typeName), expected an object")
            }
            return reply
        } catch var e as PluginError {
            // Out of sync or dead: stop it so nothing waits on it again, then report with its stderr.
            stop()
            stopped = e
            e.stderrTail = stderrTail.text
            throw e
        }
    }

    func write(_ bytes: [UInt8], deadline: Date, what: String) throws {
        var offset = 0
        while offset < bytes.count {
            try waitFor(stdinFD, events: Int16(POLLOUT), deadline: deadline, what: what)
            let n = bytes[offset...].withUnsafeBufferPointer { Glibc.write(stdinFD, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                throw crashed(what: what, detail: "stopped reading its stdin (\(String(cString: strerror(errno))))")
            }
            offset += n
        }
    }

    /// Between calls a plugin has nothing to say: stray stdout would shift every later reply by one, so it
    /// is an error now (and a plugin that died since the last call is found before we write to it).
    func expectQuiet(before what: String) throws {
        var stray = pending
        var p = pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)
        if poll(&p, 1, 0) > 0 {                      // readable now: never a blocking read otherwise
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBufferPointer { Glibc.read(stdoutFD, $0.baseAddress, $0.count) }
            if n <= 0 && stray.isEmpty { throw crashed(what: what, detail: "closed its stdout") }
            stray += chunk[..<max(n, 0)]
        }
        guard stray.isEmpty else {
            throw PluginError(plugin: label, .badReply, "wrote to stdout without being asked (before \(what)): "
                              + "\(String(decoding: stray.prefix(200), as: UTF8.self)); stdout carries replies only, log to stderr")
        }
    }

    func readLine(deadline: Date, what: String) throws -> String {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let nl = pending.firstIndex(of: 10) {
                let line = String(decoding: pending[..<nl], as: UTF8.self)
                pending.removeSubrange(...nl)
                return line
            }
            try waitFor(stdoutFD, events: Int16(POLLIN), deadline: deadline, what: what)
            let n = chunk.withUnsafeMutableBufferPointer { Glibc.read(stdoutFD, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { throw crashed(what: what, detail: "closed its stdout") }
            pending += chunk[..<n]
        }
    }

    func waitFor(_ fd: Int32, events: Int16, deadline: Date, what: String) throws {
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                throw PluginError(plugin: label, .timeout, "did not answer \(what) within \(SubprocessPlugin.seconds(timeout)) (timeout_seconds in the manifest); stopped it")
            }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let r = poll(&p, 1, Int32(min(left, 1.0) * 1000) + 1)
            if r > 0 { return }        // readable, writable, or hung up: the read/write says which
            if r < 0 && errno != EINTR { throw crashed(what: what, detail: "poll failed: \(String(cString: strerror(errno)))") }
        }
    }

    static func seconds(_ t: Double) -> String { t == t.rounded() ? "\(Int(t)) s" : "\(t) s" }

    /// The plugin went away: wait briefly for its exit status so the error says how it died.
    func crashed(what: String, detail: String) -> PluginError {
        let until = Date().addingTimeInterval(2)
        while process.isRunning && Date() < until { usleep(10_000) }
        stderrTail.waitForEnd(until: Date().addingTimeInterval(1))
        var how = "is still running"
        if !process.isRunning {
            how = process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)\(SubprocessPlugin.signalName(process.terminationStatus))"
                : "exited with status \(process.terminationStatus)"
        }
        return PluginError(plugin: label, .crashed, "\(detail) while answering \(what); the process \(how)")
    }

    static func signalName(_ s: Int32) -> String {
        switch s { case SIGSEGV: return " (SIGSEGV)"; case SIGABRT: return " (SIGABRT)"; case SIGKILL: return " (SIGKILL)"; default: return "" }
    }

    /// Closes its stdin (a well-behaved plugin exits on EOF), then kills it if it lingers.
    public func stop() {
        try? pipes.0.fileHandleForWriting.close()
        guard process.isRunning else { return }
        let until = Date().addingTimeInterval(0.5)
        while process.isRunning && Date() < until { usleep(5_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        let hard = Date().addingTimeInterval(2)
        while process.isRunning && Date() < hard { usleep(5_000) }
    }
}
