// A named tensor's payload as plain Swift values: what a safetensors file holds, before the Tensor engine
// takes it. Kept free of the Tensor class so checkpoint and fixture I/O does not depend on the engine.
//
// Shape legend: `shape` is row-major, outermost first (HF / PyTorch order, e.g. a Linear weight is [out, in]).

public struct NamedArray: Equatable, Sendable {
    /// Row-major dimensions; `[]` is a scalar (one value).
    public var shape: [Int]
    /// `shape.reduce(1, *)` values, row-major, converted to Float32 whatever the stored dtype was.
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    /// Number of elements the shape calls for (1 for a scalar).
    public var elementCount: Int { shape.reduce(1, *) }
}
