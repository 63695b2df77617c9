// Token cross-entropy from logits, fused with log-softmax.
//   rows with target == ignoreIndex (padding) count neither in the sum nor in the mean — the reference
//   IDGenRec code counted padding; HF's CrossEntropyLoss(ignore_index=-100) does not, and neither do we.
//   Label smoothing ε (PyTorch's definition): loss = (1−ε)·(−log p_target) + ε·mean_j(−log p_j).
//   dlogits = (softmax − q)/count, q = (1−ε)·onehot + ε/V.
// Shapes: logits [N, V], targets [N] → scalar.
import Foundation

extension Tensor {
    public static let ignoreIndex = -100

    public func crossEntropy(targets: [Int], ignoreIndex: Int = Tensor.ignoreIndex, labelSmoothing eps: Float = 0) -> Tensor {
        let logits = self
        let v = shape.last!, n = count / max(v, 1)
        precondition(targets.count == n, "\(targets.count) targets for \(n) rows of logits")
        var logp = [Float].uninitialized(count)
        logits.data.withUnsafeBufferPointer { xp in logp.withUnsafeMutableBufferPointer { yp in
            guard let X = xp.baseAddress, let Y = yp.baseAddress else { return }
            Parallel.forEach(n, minimumWork: v * 8) { r in Tensor.logSoftmaxRow(X + r * v, Y + r * v, v) }
        } }
        var total: Double = 0
        var counted = 0
        for r in 0..<n where targets[r] != ignoreIndex {
            precondition(targets[r] >= 0 && targets[r] < v, "target \(targets[r]) outside the vocabulary of \(v)")
            counted += 1
            var rowLoss = -Double(logp[r * v + targets[r]]) * Double(1 - eps)
            if eps > 0 {
                var s: Double = 0
                for i in 0..<v { s += Double(logp[r * v + i]) }
                rowLoss += -Double(eps) * s / Double(v)
            }
            total += rowLoss
        }
        let denom = Float(max(counted, 1))
        let loss = counted == 0 ? 0 : Float(total / Double(counted))
        return Tensor(shape: [], data: [loss], parents: [logits]) { t in
            let dy = t.grad![0] / denom
            logits.accumulate { g in logp.withUnsafeBufferPointer { lp in
                guard let G = g.baseAddress, let L = lp.baseAddress else { return }
                Parallel.forEach(n, minimumWork: v * 8) { r in
                    guard targets[r] != ignoreIndex else { return }
                    let gr = G + r * v, lr = L + r * v
                    for i in 0..<v { gr[i] += dy * (Foundation.exp(lr[i]) - eps / Float(v)) }
                    gr[targets[r]] -= dy * (1 - eps)
                }
            } }
        }
    }
}
