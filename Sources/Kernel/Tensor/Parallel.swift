// Work splitting over the machine's cores for loops OpenBLAS does not thread itself (many small GEMMs,
// per-row softmax, per-head attention). OpenBLAS runs at one thread inside these loops.
import CBLAS
import Foundation

public enum Parallel {
    /// Worker count (default: active processor count; IDGENREC_THREADS overrides).
    nonisolated(unsafe) public static var workers: Int = {
        if let s = ProcessInfo.processInfo.environment["IDGENREC_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Sets OpenBLAS's own thread count (used for large single GEMMs).
    public static func setBLASThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
    public static var blasThreads: Int { Int(openblas_get_num_threads()) }

    /// Runs `body` with OpenBLAS at one thread (our workers provide the parallelism), then restores it.
    public static func withSingleThreadedBLAS<T>(_ body: () throws -> T) rethrows -> T {
        let before = blasThreads
        if before == 1 || workers == 1 { return try body() }
        setBLASThreads(1)
        defer { setBLASThreads(before) }
        return try body()
    }

    /// Runs body(i) for i in 0..<n, in `workers` contiguous chunks when the work is worth it.
    /// `minimumWork` is the rough cost of one iteration; tiny loops stay on the calling thread.
    public static func forEach(_ n: Int, minimumWork: Int = 1, _ body: (Int) -> Void) {
        let w = min(workers, n)
        if w <= 1 || n * minimumWork < 32_768 {
            for i in 0..<n { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: w) { chunk in
                let lo = n * chunk / w, hi = n * (chunk + 1) / w
                for i in lo..<hi { body(i) }
            }
        }
    }
}
