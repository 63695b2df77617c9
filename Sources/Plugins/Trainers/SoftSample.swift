// One training prompt of the ID-generator phase, kept with its ID slots open: the prompt as a list of
// segments, either fixed token ids (template text, separators, a non-textual user ID) or the slot of a
// generated ID — the place where the hard ID of generator input k (a history item, or the user when user
// IDs are textual) would stand. The hard target ID is what the recommender must then produce.
//
// Legend: L prompt tokens once every slot is filled.

public struct SoftSample: Equatable, Sendable {
    public enum Segment: Equatable, Sendable {
        /// Token ids copied as they are (no EOS inside a prompt; the final `</s>` is a segment of its own).
        case tokens([Int])
        /// The ID generated from `generatorInputs[k]` (k indexes the generator inputs given to the trainer).
        case id(Int)
    }

    public var segments: [Segment]
    /// The hard target ID tokens (with `</s>`), as the recommender is trained to decode them.
    public var target: [Int]

    public init(segments: [Segment], target: [Int]) {
        self.segments = segments
        self.target = target
    }

    /// Generator inputs this prompt needs, in order of first use.
    public var generatorInputs: [Int] {
        var seen = Set<Int>(), out: [Int] = []
        for case let .id(k) in segments where seen.insert(k).inserted { out.append(k) }
        return out
    }

    /// The hard prompt [L]: every slot filled with `ids[k]` (ID tokens without `</s>`). The recommender
    /// phase trains on exactly this; the soft prompt with one-hot distributions embeds to the same rows.
    public func hardSource(ids: [[Int]]) -> [Int] {
        var out: [Int] = []
        for s in segments {
            switch s {
            case let .tokens(t): out += t
            case let .id(k): out += ids[k]
            }
        }
        return out
    }
}
