// Seeded streams for the data layer: one independent SplitMix64 per user (synthetic data) or per sample
// (prompt-template choice), so a draw depends on (seed, index) only — not on how many draws came before or
// in which order samples are visited.

extension SplitMix64 {
    /// The generator of sub-stream `stream` of `seed`.
    static func stream(_ seed: UInt64, _ stream: UInt64) -> SplitMix64 {
        var g = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        return g
    }

    /// A uniform double in [0, 1) (53 random bits).
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
