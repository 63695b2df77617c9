import Foundation
import IDGenKernel
import IDGenPlugins

/// Decodes a component config from JSON text the way the registry does (`ConfigCodec`: defaults first, the
/// given keys over them, then `validate()`), so a test sees exactly what `idgenrec validate` and `run` see.
func decodeConfig<C: ComponentConfig>(_ type: C.Type, _ json: String) throws -> C {
    try ConfigCodec.decode(C.self, from: JSONValue.parse(json), defaults: C()).get()
}
