// A group of config keys that several components share (the optimizer, a training's length, its validation
// cadence), declared once and embedded as a property of each config that uses it. Its keys sit in the
// embedding config's own object — the file stays flat ("learning_rate", "warmup_ratio", … side by side) —
// because `JSONValueEncoder` and `JSONValueDecoder` read and write an `InlineConfig` property in place of
// a nested object. The schema, the unknown-key check and `validate()` all see the flat keys.
public protocol InlineConfig: Codable {}
