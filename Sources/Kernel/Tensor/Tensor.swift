// Tensor: Float32, contiguous row-major storage, a shape, and (when it takes part in a gradient) the
// backward closure that sends its gradient to the tensors it was computed from (micrograd's design: an op
// keeps its forward and backward together, see Sources/Kernel/Ops).
//
// Reshape is cheap: Swift arrays are copy-on-write, so a reshaped tensor shares storage until written.

public final class Tensor {
    public var shape: [Int]
    public var data: [Float]
    /// Accumulated gradient (same layout as `data`), allocated by the first backward that reaches it.
    public var grad: [Float]?
    /// Parameters and inputs to differentiate set this; results of ops inherit it from their inputs.
    public var requiresGrad: Bool
    /// Optional label, e.g. the HF parameter name, for error messages and checkpoints.
    public var name: String?

    // Autograd record: parents and the closure that pushes `grad` into them. `order` is the tape position.
    let parents: [Tensor]
    let backwardFn: ((Tensor) -> Void)?
    let order: Int

    public init(shape: [Int], data: [Float], requiresGrad: Bool = false, name: String? = nil) {
        precondition(shape.reduce(1, *) == data.count, "shape \(shape) does not match \(data.count) values")
        self.shape = shape
        self.data = data
        self.requiresGrad = requiresGrad
        self.name = name
        self.parents = []
        self.backwardFn = nil
        self.order = Tape.nextOrder()
    }

    /// An op result. Records parents and backward only when gradients are on and some parent needs one.
    init(shape: [Int], data: [Float], parents: [Tensor], backward: @escaping (Tensor) -> Void) {
        self.shape = shape
        self.data = data
        self.name = nil
        let tracked = Tape.isRecording && parents.contains { $0.requiresGrad }
        self.requiresGrad = tracked
        self.parents = tracked ? parents : []
        self.backwardFn = tracked ? backward : nil
        self.order = Tape.nextOrder()
    }

    public var count: Int { data.count }
    public var rank: Int { shape.count }

    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor(shape: shape, data: [Float](repeating: 0, count: shape.reduce(1, *)), requiresGrad: requiresGrad)
    }

    public static func filled(_ shape: [Int], _ value: Float) -> Tensor {
        Tensor(shape: shape, data: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    public static func scalar(_ v: Float) -> Tensor { Tensor(shape: [], data: [v]) }

    /// The single value of a one-element tensor (e.g. a loss).
    public var item: Float {
        precondition(count == 1, "item of a tensor with \(count) values")
        return data[0]
    }

    /// Adds `g` into this tensor's gradient.
    func accumulate(_ g: [Float]) {
        if grad == nil {
            grad = g
            return
        }
        grad!.withUnsafeMutableBufferPointer { dst in
            g.withUnsafeBufferPointer { src in
                let d = dst.baseAddress!, s = src.baseAddress!
                Parallel.chunks(g.count) { for i in $0 { d[i] += s[i] } }
            }
        }
    }

    /// Adds into the gradient through a closure over a mutable buffer, avoiding a temporary array.
    func accumulate(_ body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        if grad == nil { grad = [Float](repeating: 0, count: count) }
        grad!.withUnsafeMutableBufferPointer { body($0) }
    }

    /// Like `accumulate(_:)` without the zero-fill of a first contribution: `body(g, fresh)` must assign
    /// every element when `fresh` (the buffer is uninitialized) and add otherwise. Same values either way.
    func accumulate(assigningIfFresh body: (UnsafeMutablePointer<Float>, _ fresh: Bool) -> Void) {
        let fresh = grad == nil
        if fresh { grad = [Float].uninitialized(count) }
        grad!.withUnsafeMutableBufferPointer { body($0.baseAddress!, fresh) }
    }

    /// grad (+)= value(i) for every element, in parallel chunks; `body(g, range, fresh)` fills one chunk
    /// (assigning when `fresh`, adding otherwise).
    func accumulateElementwise(_ body: (UnsafeMutablePointer<Float>, Range<Int>, _ fresh: Bool) -> Void) {
        let n = count
        accumulate(assigningIfFresh: { g, fresh in Parallel.chunks(n) { body(g, $0, fresh) } })
    }

    public func zeroGrad() { grad = nil }

    /// A tensor with the same values and no history (e.g. to freeze a computed value).
    public func detached() -> Tensor { Tensor(shape: shape, data: data) }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let head = data.prefix(8).map { String(format: "%.4f", $0) }.joined(separator: ", ")
        return "Tensor(\(shape)\(name.map { " \($0)" } ?? ""): [\(head)\(count > 8 ? ", …" : "")])"
    }
}

import Foundation
