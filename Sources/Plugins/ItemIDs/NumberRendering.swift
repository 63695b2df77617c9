// How a numeric ID is written (P5 studied both): `digits` is plain text the tokenizer splits into shared
// number pieces ("1017" → "▁10", "17"), so similar numbers share tokens — P5's way and the source of its
// spurious similarity; `atomic` is one added vocabulary token per item (`<item_1017>`).
public enum NumberRendering: String, Codable, Sendable, CaseIterable {
    case digits
    case atomic
}
