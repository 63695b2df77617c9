import Foundation

// One entry of a plugins.json: a component's name, kind, summary and where it lives.
public struct ManifestEntry {
    /// 1-based position in the file's "plugins" array (how errors point at it).
    public var position: Int
    public var name: String
    public var kind: ComponentKind
    public var summary: String
    public var origin: ComponentOrigin
    /// Set on purpose to shadow a component of the same kind and name from an earlier manifest.
    public var replaces: Bool
    /// Declared parameters with defaults (external plugins); nil = accept any parameters.
    public var config: JSONValue?
    public var provides: Set<Capability>
    public var timeoutSeconds: Double

    /// "entry 3 ('title-words')"
    public var label: String { "entry \(position) ('\(name)')" }
}
