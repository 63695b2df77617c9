// A component's parameters: a `Codable` struct whose defaults follow the paper, keys snake_case in files.
// Conforming types get their defaults from `init()`; a `Config` that cannot conform (e.g. its `init()` is
// internal) is registered with an explicit default value instead (see `ConfigCodec`).
public protocol ComponentConfig: Codable {
    /// The defaults (paper values unless the brief says otherwise).
    init()
}

/// A component with no parameters at all.
public struct NoConfig: ComponentConfig, Equatable {
    public init() {}
}
