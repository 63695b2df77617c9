// Reverse-mode autograd. Every tensor gets a position on the tape when it is made, so a tensor's parents
// always sit earlier; backward visits the tensors that reach the loss in reverse tape order, each once,
// and calls the backward that its op recorded. Gradients accumulate until `zeroGrad`.
import Foundation
import Synchronization

public enum Tape {
    private static let counter = Atomic<Int>(0)
    private static let noGradDepth = ThreadLocalCounter()   // per thread: shards may decode concurrently

    static func nextOrder() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// False inside `withoutGradients` (on this thread).
    public static var isRecording: Bool { noGradDepth.value == 0 }

    /// Runs `body` without recording (inference, ID generation, evaluation): no parents kept, no backward.
    public static func withoutGradients<T>(_ body: () throws -> T) rethrows -> T {
        noGradDepth.value += 1
        defer { noGradDepth.value -= 1 }
        return try body()
    }
}

extension Tensor {
    /// Back-propagates from this tensor. A scalar starts with gradient 1; otherwise pass `seed`
    /// (the gradient of some outer loss with respect to this tensor).
    public func backward(seed: [Float]? = nil) {
        precondition(seed != nil || count == 1, "backward from a non-scalar needs a seed gradient")
        precondition(requiresGrad, "backward from a tensor that does not require gradients")
        // Collect the graph reaching this tensor (iterative DFS: graphs of deep models are deep).
        var seen = Set<ObjectIdentifier>()
        var nodes: [Tensor] = []
        var stack: [Tensor] = [self]
        while let t = stack.popLast() {
            guard seen.insert(ObjectIdentifier(t)).inserted else { continue }
            nodes.append(t)
            for p in t.parents where p.requiresGrad { stack.append(p) }
        }
        nodes.sort { $0.order > $1.order }
        accumulate(seed ?? [1])
        for t in nodes {
            guard let back = t.backwardFn, t.grad != nil else { continue }
            back(t)
            // Intermediate results free their gradient once passed on; leaves (parameters) keep theirs.
            t.grad = nil
        }
    }
}
