// Components built straight from Swift (tests, tools) skip ConfigCodec, so their initializers still refuse a
// config `validate()` rejects — with the same typed error as before the checks moved onto the config.
extension ComponentConfig {
    /// The config unchanged, or a `ParameterValueError` naming `component` and the first problem's key.
    func checked(by component: String) throws -> Self {
        if let p = validate().first { throw ParameterValueError(component: component, key: p.key, advice: p.message) }
        return self
    }
}
