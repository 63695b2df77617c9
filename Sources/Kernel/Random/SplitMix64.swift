// The project's seeded random number generator: SplitMix64 (Steele, Lea & Flood, OOPSLA 2014), the seeding
// generator of xoshiro. Small, fast, and identical on every platform, so a seed in the config reproduces a run
// (STYLE.md habit 10). Swift's SystemRandomNumberGenerator is never used for anything that reaches a result.

public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for sub-stream `stream` of `seed`: independent streams (e.g. one per user or per sample)
    /// that do not depend on the order in which they are drawn.
    public static func stream(_ seed: UInt64, _ stream: UInt64) -> SplitMix64 {
        var g = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }

    /// A uniform double in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
