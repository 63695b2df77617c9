// Causal-LM speed beside the T5 it may replace, both measured in this run: a training step (loss forward +
// backward, dropout on) of `causal-tiny` over [32, 128] whole sequences, against T5 `cpu-tiny` on 32 samples
// of 100 input / 8 target tokens (one op-parallel batch, and the trainers' per-core shards); then cached
// decoding, 20 beams per input after 100-token prefixes (causal) or inputs (T5), a few steps.
//
// Usage: idgenrec-bench causal [--preset causal-tiny] [--t5-preset cpu-tiny] [--batch 32] [--length 128] [--steps 5]
//                              [--causal-only]   (the causal training step alone, e.g. to profile it)
//
// Legend: B batch, L sequence length, R decoding rows (beams × inputs).
import Foundation
import IDGenKernel

func runCausalBench(args: [String]) throws {
    let steps = Int(value(of: "--steps", in: args) ?? "5")!
    let b = Int(value(of: "--batch", in: args) ?? "32")!, l = Int(value(of: "--length", in: args) ?? "128")!
    var config = try CausalLMConfig.preset(value(of: "--preset", in: args) ?? "causal-tiny")
    var t5Config = try T5Config.preset(value(of: "--t5-preset", in: args) ?? "cpu-tiny")
    config.dropout = 0.1
    t5Config.dropoutRate = 0.1
    var rng = SplitMix64(seed: 2)
    func token(_ v: Int) -> Int { 3 + Int(rng.next() % UInt64(v - 3)) }

    // Training step: one forward over whole sequences, every position scored against the next token.
    let model = CausalLM(config: config, seed: 1)
    model.training = true
    let ids = (0..<(b * l)).map { _ in token(config.vocabSize) }
    let labels = (0..<(b * l)).map { $0 % l == l - 1 ? Tensor.ignoreIndex : ids[$0 + 1] }
    func causalStep() -> (Double, Double) {
        model.zeroGrad()
        var t = DispatchTime.now().uptimeNanoseconds
        let loss = model.loss(ids: ids, batch: b, labels: labels)
        let forward = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        t = DispatchTime.now().uptimeNanoseconds
        loss.backward()
        return (forward, Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
    }
    _ = causalStep()
    let causal = (0..<steps).map { _ in causalStep() }
    let causalMs = causal.map { $0.0 + $0.1 }.min()!
    print("causal \(value(of: "--preset", in: args) ?? "causal-tiny") [\(b), \(l)]: forward+backward \(fmt(causalMs)) ms "
          + "(forward \(fmt(causal.map(\.0).min()!)), backward \(fmt(causal.map(\.1).min()!))), \(b * (l - 1)) scored tokens")
    if args.contains("--causal-only") { return }

    let t5 = T5Model(config: t5Config, seed: 1)
    t5.training = true
    let batch = T5Batch.make(sources: (0..<b).map { _ in (0..<100).map { _ in token(t5Config.vocabSize) } },
                             targets: (0..<b).map { _ in (0..<8).map { _ in token(t5Config.vocabSize) } }, padID: 0, startID: 0)
    let sharded = T5ShardedTraining(model: t5)
    func time(_ body: () -> Void) -> Double {
        body()
        return (0..<steps).map { _ in
            let t = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        }.min()!
    }
    let t5Ms = time { t5.zeroGrad(); t5.loss(batch).backward() }
    let t5ShardedMs = time { t5.zeroGrad(); _ = sharded.lossAndGradients(batch) }
    print("t5 \(value(of: "--t5-preset", in: args) ?? "cpu-tiny") 32 × (100 → 8): forward+backward \(fmt(t5Ms)) ms, "
          + "sharded as the trainers run it \(fmt(t5ShardedMs)) ms, \(b * 8) scored tokens")
    print("ratio causal / t5: \(String(format: "%.2f", causalMs / t5Ms)) (op-parallel), "
          + "\(String(format: "%.2f", causalMs / t5ShardedMs)) (vs sharded T5)")

    // Cached decoding: R = 20 beams × B rows per step, after a 100-token prefix / input.
    model.training = false
    t5.training = false
    let beams = 20, prefixes = (0..<b).map { _ in (0..<100).map { _ in token(config.vocabSize) } }
    func decode(_ begin: () -> IncrementalDecoder) -> (Double, Double) {
        var t = DispatchTime.now().uptimeNanoseconds
        let dec = begin()
        let prefill = Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6
        _ = dec.stepLogits(parents: (0..<(b * beams)).map { $0 / beams }, tokens: [Int](repeating: 5, count: b * beams))
        t = DispatchTime.now().uptimeNanoseconds
        for s in 0..<4 {
            _ = dec.stepLogits(parents: (0..<(b * beams)).map { $0 / beams * beams + ($0 * 7 + s) % beams },
                               tokens: [Int](repeating: 6 + s, count: b * beams))
        }
        return (prefill, Double(DispatchTime.now().uptimeNanoseconds - t) / 4e6)
    }
    let (cp, cs) = decode { model.beginDecoding(prefixes: prefixes) }
    let (tp, ts) = decode { t5.beginDecoding(inputs: prefixes.map { $0.map { $0 % t5Config.vocabSize } }) }
    print("decode \(b) × \(beams) beams: causal prefill \(fmt(cp)) ms, step \(fmt(cs)) ms; t5 encode \(fmt(tp)) ms, step \(fmt(ts)) ms")
}
