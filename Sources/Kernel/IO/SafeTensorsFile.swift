// The contents of one safetensors file, every tensor converted to Float32, names in header order.
// Produced by `SafeTensors.read(contentsOf:)`; the model loader maps HF names onto parameters from here.

public struct SafeTensorsFile: Sendable {
    /// The file path (or the label given to `SafeTensors.decode`), for error messages.
    public var source: String
    /// Tensor names in the order the header lists them.
    public var names: [String]
    public var tensors: [String: NamedArray]
    /// The header's `__metadata__` map.
    public var metadata: [String: String]

    public init(source: String, names: [String], tensors: [String: NamedArray], metadata: [String: String]) {
        self.source = source
        self.names = names
        self.tensors = tensors
        self.metadata = metadata
    }

    public subscript(name: String) -> NamedArray? { tensors[name] }

    /// The tensor called `name`, or an error listing what the file does hold.
    public func tensor(_ name: String) throws -> NamedArray {
        guard let t = tensors[name] else {
            throw SafeTensorsError.tensorNotFound(file: source, tensor: name, available: names)
        }
        return t
    }

    /// Tensors as (name, array) pairs in header order — the form `SafeTensors.write` takes.
    public var ordered: [(String, NamedArray)] { names.map { ($0, tensors[$0]!) } }
}
