// Work splitting over the machine's cores for loops OpenBLAS does not thread itself (many small GEMMs,
// per-row softmax, per-head attention). OpenBLAS runs at one thread inside these loops.
import CBLAS
import Foundation

public enum Parallel {
    /// Worker count (default: active processor count; IDGENREC_THREADS overrides); 1 inside `serially`.
    public static var workers: Int {
        get { serialDepth.value > 0 ? 1 : configuredWorkers }
        set { configuredWorkers = newValue }
    }
    nonisolated(unsafe) private static var configuredWorkers: Int = {
        if let s = ProcessInfo.processInfo.environment["IDGENREC_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()
    private static let serialDepth = ThreadLocalCounter()

    /// Runs `body` with every Kernel loop and product on the calling thread alone — for work that is itself
    /// one of several shards running side by side (each shard then runs without any synchronization).
    public static func serially<T>(_ body: () throws -> T) rethrows -> T {
        serialDepth.value += 1
        defer { serialDepth.value -= 1 }
        return try body()
    }

    /// Runs body(shard) for every shard, each on its own worker and `serially` inside.
    public static func shards(_ n: Int, _ body: (Int) -> Void) {
        let w = min(workers, n)
        if w <= 1 {
            for i in 0..<n { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: n) { i in serially { body(i) } }
        }
    }

    /// Sets OpenBLAS's own thread count (used for large single GEMMs).
    public static func setBLASThreads(_ n: Int) { openblas_set_num_threads(Int32(n)) }
    public static var blasThreads: Int { Int(openblas_get_num_threads()) }

    /// OpenBLAS runs at one thread inside the Kernel; `parallelSgemm` and `forEach` provide the parallelism.
    /// (Benchmarks may still set BLAS threads explicitly to measure OpenBLAS's own threading.)
    static let pinBLAS: Void = { openblas_set_num_threads(1) }()

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

    /// Runs body(range) over `workers` contiguous ranges covering 0..<n (elementwise loops over large
    /// tensors: each element is computed exactly as on one thread, so results do not depend on the split).
    /// Below `grain` elements it is one call on the calling thread.
    public static func chunks(_ n: Int, grain: Int = 65_536, _ body: (Range<Int>) -> Void) {
        let w = min(workers, n / max(grain, 1))
        if w <= 1 {
            if n > 0 { body(0..<n) }
            return
        }
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: w) { part in body((n * part / w)..<(n * (part + 1) / w)) }
        }
    }
}
