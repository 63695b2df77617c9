// A component type may state what it provides and requires on itself; the registry reads these when the
// component is registered (and unions them with anything the registration line adds).
public protocol DeclaresCapabilities {
    static var provides: Set<Capability> { get }
    static var requires: [ComponentRequirement] { get }
}

extension DeclaresCapabilities {
    public static var provides: Set<Capability> { [] }
    public static var requires: [ComponentRequirement] { [] }
}
