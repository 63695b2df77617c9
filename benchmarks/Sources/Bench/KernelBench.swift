// Kernel benchmark: sgemm GFLOP/s for the transformer shapes of issue 2 at 1 and 2 OpenBLAS threads,
// and the batched attention products spread over our workers, beside the machine's FP32 peak.
//
// Peak = FP32 FLOP/cycle × the clock the core actually runs at. An AMD Zen 4 (EPYC family 25) core has two
// 256-bit FMA pipes: 2 × 8 lanes × 2 FLOP = 32 FLOP/cycle (AVX-512 is double-pumped, no more). The clock is
// measured — /proc/cpuinfo reports the nominal 2.6 GHz, but the core boosts — by timing a dependent
// shift-and-add chain (2 cycles per iteration: shr then add, each 1-cycle latency). --ghz overrides it.
import CBLAS
import Foundation
import IDGenKernel

func runKernelBench(args: [String]) {
    let flopsPerCycle = Double(value(of: "--flops-per-cycle", in: args) ?? "32")!
    let ghz = Double(value(of: "--ghz", in: args) ?? "") ?? measuredGHz()
    print("clock: measured \(fmt(ghz)) GHz (nominal \(fmt(cpuGHz())) GHz from /proc/cpuinfo)")
    let peak1 = flopsPerCycle * ghz
    print("FP32 peak (computed): \(fmt(peak1)) GFLOP/s per core = \(fmt(flopsPerCycle)) FLOP/cycle × \(fmt(ghz)) GHz; 2 cores \(fmt(2 * peak1))")
    // Batched products first: once OpenBLAS has run at 2 threads below, its idle worker spin-waits on the
    // other core for a while and would steal it from our workers (the Kernel itself keeps BLAS at 1 thread).
    Parallel.setBLASThreads(1)
    // Batched attention products: [64×64]·[64×128] × 256.
    var r = SplitMix64(seed: 2)
    let a = Tensor.uniform([256, 64, 64], low: -1, high: 1, rng: &r), b = Tensor.uniform([256, 64, 128], low: -1, high: 1, rng: &r)
    let flops = 2.0 * 256 * 64 * 64 * 128
    var speeds: [Double] = []
    let saved = Parallel.workers
    for w in [1, 2] {
        Parallel.workers = w
        let secs = timeBest(reps: 10) { _ = Tape.withoutGradients { a.batchedMatmul(b) } }
        speeds.append(flops / secs / 1e9)
    }
    Parallel.workers = saved
    print("\nbatched [64×64]·[64×128] ×256 (BLAS at 1 thread, split over workers)")
    print("  1 worker \(fmt(speeds[0])) GFLOP/s, 2 workers \(fmt(speeds[1])) GFLOP/s, speed-up ×\(fmt(speeds[1] / speeds[0]))")
    let shapes: [(String, Bool, Bool, Int, Int, Int)] = [
        ("NN [4096×256]·[256×1024]", false, false, 4096, 1024, 256),
        ("NN [4096×1024]·[1024×256]", false, false, 4096, 256, 1024),
        ("NT [4096×256]·[1024×256]ᵀ", false, true, 4096, 1024, 256),
        ("TN [256×4096]ᵀ·[4096×1024]", true, false, 256, 1024, 4096),
    ]
    // Softmax over attention rows (the step's largest non-GEMM op): the Kernel's vectorized exponential
    // against the same rows through libm's expf, both on 1 worker.
    Parallel.workers = 1
    let rows = 32 * 8 * 128, width = 128
    let scores = Tensor.uniform([rows, width], low: -8, high: 8, rng: &r)
    let ours = timeBest(reps: 5) { _ = Tape.withoutGradients { scores.softmax() } }
    var out = [Float](repeating: 0, count: rows * width)
    let libm = timeBest(reps: 5) {
        scores.data.withUnsafeBufferPointer { x in out.withUnsafeMutableBufferPointer { y in
            for row in 0..<rows {
                let xr = x.baseAddress! + row * width, yr = y.baseAddress! + row * width
                var m = -Float.infinity
                for i in 0..<width { m = max(m, xr[i]) }
                var sum: Float = 0
                for i in 0..<width { let e = expf(xr[i] - m); yr[i] = e; sum += e }
                for i in 0..<width { yr[i] /= sum }
            }
        } }
    }
    Parallel.workers = saved
    print("\nsoftmax [\(rows)×\(width)] (attention rows of a batch-32 cpu-small layer), 1 worker")
    print("  vectorized exp \(fmt(ours * 1000)) ms, libm expf \(fmt(libm * 1000)) ms, ×\(fmt(libm / ours))")

    print("\nsingle GEMMs (OpenBLAS threads)        1 thread      %peak(1)   2 threads    %peak(2)")
    for (label, ta, tb, m, n, k) in shapes {
        var r = SplitMix64(seed: 1)
        let a = (0..<(m * k)).map { _ in r.nextUniform() }, b = (0..<(k * n)).map { _ in r.nextUniform() }
        var c = [Float](repeating: 0, count: m * n)
        var res: [Double] = []
        for threads in [1, 2] {
            Parallel.setBLASThreads(threads)
            let secs = timeBest(reps: 5) {
                a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
                    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                                Int32(m), Int32(n), Int32(k), 1, ap.baseAddress!, Int32(ta ? m : k), bp.baseAddress!,
                                Int32(tb ? k : n), 0, cp.baseAddress!, Int32(n))
                } } }
            }
            res.append(2.0 * Double(m * n * k) / secs / 1e9)
        }
        print(label.padding(toLength: 38, withPad: " ", startingAt: 0),
              fmt(res[0]).leftPad(10), (fmt(100 * res[0] / peak1) + "%").leftPad(10),
              fmt(res[1]).leftPad(11), (fmt(100 * res[1] / (2 * peak1)) + "%").leftPad(11))
    }
}

func timeBest(reps: Int, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity
    for _ in 0..<reps {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    return best
}

/// Cycles per second from a dependent chain x ← x + (x >> 1) (2 cycles per iteration).
func measuredGHz() -> Double {
    var best = Double.infinity
    let n = 200_000_000
    var x = UInt64(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds) | 1
    for _ in 0..<5 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<n { x = x &+ (x >> 1) }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }
    if x == 42 { print("") }  // keep the chain alive
    return 2.0 * Double(n) / best / 1e9
}

func cpuGHz() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return 2.6 }
    for line in text.split(separator: "\n") where line.hasPrefix("cpu MHz") {
        if let v = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) { return v / 1000 }
    }
    return 2.6
}

func value(of flag: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fmt(_ x: Double) -> String { String(format: "%.1f", x) }

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
