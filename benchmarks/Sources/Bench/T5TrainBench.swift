// T5 training-step and forward-only throughput (issue 3): cpu-small, batch 32, 128 input tokens, 8 target
// tokens, AdamW — the same setup as benchmarks/torch_t5.py, which the caller may run in the same session
// (`--torch PYTHON` runs it right after and prints the ratio).
import Foundation
import IDGenKernel

func runT5TrainBench(args: [String]) throws {
    let steps = Int(value(of: "--steps", in: args) ?? "5")!
    let batchSize = Int(value(of: "--batch", in: args) ?? "32")!
    let srcLen = 128, tgtLen = 8
    var config = try T5Config.preset(value(of: "--preset", in: args) ?? "cpu-small")
    config.dropoutRate = 0.1
    let model = T5Model(config: config, seed: 1)
    model.training = true
    let opt = AdamW(parameters: model.parameters, noDecay: model.noDecayParameters)
    var rng = SplitMix64(seed: 2)
    func randomBatch() -> T5Batch {
        let src = (0..<batchSize).map { _ in (0..<srcLen).map { _ in 2 + Int(rng.next() % UInt64(config.vocabSize - 2)) } }
        let tgt = (0..<batchSize).map { _ in (0..<tgtLen).map { _ in 2 + Int(rng.next() % UInt64(config.vocabSize - 2)) } }
        return T5Batch.make(sources: src, targets: tgt, padID: 0, startID: 0)
    }
    let batch = randomBatch()
    // The trainers' step (the batch in two shards, one per core); --unsharded: one batch, every op split.
    let sharded = args.contains("--unsharded") ? nil : T5ShardedTraining(model: model)
    print(sharded == nil ? "step: one batch, products and loops split over the cores (--unsharded)"
                         : "step: the batch in \(T5ShardedTraining.defaultShards) shards, one per core (as the trainers run it)")
    var lastLoss: Float = .nan
    var phases = [Double](repeating: 0, count: 4)     // forward, backward, clipping, AdamW (seconds, summed)
    func trainStep() {
        var t = DispatchTime.now().uptimeNanoseconds
        func lap(_ i: Int) {
            let now = DispatchTime.now().uptimeNanoseconds
            phases[i] += Double(now - t) / 1e9
            t = now
        }
        opt.zeroGrad()
        if let sharded {
            lastLoss = sharded.lossAndGradients(batch)       // forward and backward of both halves
            lap(1)
        } else {
            let loss = model.loss(batch)
            lastLoss = loss.item
            lap(0)
            loss.backward()
            lap(1)
        }
        let clipping = GradientClipping.scale(model.parameters, maxNorm: 1)
        lap(2)
        opt.update(gradientScale: clipping.factor)
        lap(3)
    }
    // --eval-only: skip the training steps (to profile the forward pass alone).
    let evalOnly = args.contains("--eval-only")
    var t0 = DispatchTime.now().uptimeNanoseconds
    var trainSecs = Double.nan
    if !evalOnly {
        trainStep()  // warm-up
        phases = phases.map { _ in 0 }
        t0 = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { trainStep() }
        trainSecs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(steps)
    }
    model.training = false
    _ = Tape.withoutGradients { model.forward(batch) }
    t0 = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<steps { _ = Tape.withoutGradients { model.forward(batch) } }
    let evalSecs = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 / Double(steps)
    let rss = peakRSSMegabytes()
    let swiftTrain = Double(batchSize) / trainSecs, swiftEval = Double(batchSize) / evalSecs
    print("swift  train \(fmt(swiftTrain)) samples/s (\(fmt(trainSecs * 1000)) ms/step), eval \(fmt(swiftEval)) samples/s, peak RSS \(fmt(rss)) MB")
    // The last step's loss in full: a speed change that alters any number shows up here.
    if !evalOnly {
        print("swift  loss at step \(steps + 1): \(lastLoss)")
        let ms = phases.map { fmt($0 * 1000 / Double(steps)) }
        print("swift  step phases (ms): forward \(ms[0]), backward \(ms[1]) (sharded: both in backward), clipping \(ms[2]), AdamW \(ms[3])")
    }
    if let python = value(of: "--torch", in: args) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("torch_t5.py").path
        let out = try runProcess(python, [script, "--steps", String(steps)])
        guard let line = out.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
              let json = try? JSONValue.parse(String(line)),
              let tTrain = json["train_samples_per_s"]?.doubleValue, let tEval = json["eval_samples_per_s"]?.doubleValue else {
            print("torch: could not read its result line:\n\(out)")
            return
        }
        print("torch  train \(fmt(tTrain)) samples/s, eval \(fmt(tEval)) samples/s")
        print("ratio  train ×\(String(format: "%.2f", swiftTrain / tTrain)), eval ×\(String(format: "%.2f", swiftEval / tEval)) (swift / torch)")
    }
}

func peakRSSMegabytes() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0") ?? 0
        return kb / 1024
    }
    return 0
}

func runProcess(_ exe: String, _ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
