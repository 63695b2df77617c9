// A component's parameters: a `Codable` struct whose defaults follow the paper, keys snake_case in files.
// Conforming types get their defaults from `init()` and are decoded by `ConfigCodec` alone (defaults first,
// the user's values over them), so a config declares its properties with defaults and nothing else: no
// `init(from:)`, no `CodingKeys` (property names map to snake_case keys, `SnakeCase`).
//
// `validate()` is where a config refuses values out of range (ArgumentParser's pattern): the registry calls
// it when it checks a stage's parameters, so `idgenrec validate` and `run` both find every bad value
// before any work, listed together with the keys they are about.
public protocol ComponentConfig: Codable {
    /// The defaults (paper values unless the brief says otherwise).
    init()
    /// Every value problem of this config (empty when it can run), each naming its key.
    func validate() -> [ConfigProblem]
}

extension ComponentConfig {
    public func validate() -> [ConfigProblem] { [] }
}

/// A component with no parameters at all.
public struct NoConfig: ComponentConfig, Equatable {
    public init() {}
}
