// Progress on long work: a redrawn bar (steps/s, ETA, loss) when stderr is a terminal, plain lines every
// few seconds otherwise (CI logs, files).
import Foundation
import IDGenHost

final class ProgressRenderer {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var phaseStart: [String: Date] = [:]
    private var lastLine = Date.distantPast
    private var lastPhase = ""

    func handle(_ p: TrainingProgress) {
        let now = Date()
        if p.phase != lastPhase {
            if isTerminal && !lastPhase.isEmpty { FileHandle.standardError.write("\n".data(using: .utf8)!) }
            lastPhase = p.phase
            phaseStart[p.phase] = now
        }
        let elapsed = now.timeIntervalSince(phaseStart[p.phase] ?? now)
        let rate = elapsed > 0 ? Double(p.step) / elapsed : 0
        let eta = rate > 0 ? Double(p.totalSteps - p.step) / rate : 0
        var text = "\(p.phase) \(p.step)/\(p.totalSteps)"
        if isTerminal {
            let width = 24, filled = p.totalSteps > 0 ? min(width, width * p.step / p.totalSteps) : 0
            text = "\(p.phase) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(p.step)/\(p.totalSteps)"
        }
        text += String(format: "  %.1f steps/s  ETA %@", rate, Self.clock(eta))
        if let loss = p.loss { text += String(format: "  loss %.4f", loss) }
        if let sps = p.samplesPerSecond { text += String(format: "  %.0f samples/s", sps) }
        if let m = p.message { text += "  \(m)" }
        let done = p.step >= p.totalSteps
        if isTerminal {
            FileHandle.standardError.write(("\r\u{1B}[K" + text + (done ? "\n" : "")).data(using: .utf8)!)
            if done { lastPhase = "" }
        } else if done || now.timeIntervalSince(lastLine) >= 5 || p.message != nil {
            FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
            lastLine = now
        }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
