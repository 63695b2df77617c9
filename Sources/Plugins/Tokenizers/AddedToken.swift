// A whole token matched in the text before segmentation and never split (HF's `added_tokens`): T5's `<pad>`,
// `</s>`, `<unk>`, `<extra_id_N>`, and the atomic tokens ID strategies register (`<c_3>`, `<item_1042>`).
// `normalized == false` tokens are found in the raw text, `true` ones in the normalized text, as in HF.
public struct AddedToken: Equatable, Sendable {
    public let id: Int
    public let content: String
    /// Dropped by `decode(_, skipSpecial: true)`.
    public let special: Bool
    public let normalized: Bool

    public init(id: Int, content: String, special: Bool, normalized: Bool) {
        self.id = id
        self.content = content
        self.special = special
        self.normalized = normalized
    }
}
