// The parameters of the number-based strategies (`sequential`, `random`): how a number is rendered and where
// numbering starts.
public struct NumberedIDConfig: ComponentConfig, Equatable {
    /// `digits` (P5: plain digit text, split by the tokenizer) or `atomic` (`<item_1001>` tokens).
    public var rendering: NumberRendering = .digits
    /// First number given; OpenP5 starts at 1001 (`len(item_map) + 1001`).
    public var firstNumber: Int = 1001

    public init() {}
    public init(rendering: NumberRendering = .digits, firstNumber: Int = 1001) {
        self.rendering = rendering
        self.firstNumber = firstNumber
    }
}
