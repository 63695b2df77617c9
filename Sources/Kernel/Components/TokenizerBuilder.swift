// The `tokenizer` component: yields the one vocabulary the ID generator and the recommender share — loaded
// from a HF tokenizer.json, or trained on the catalog text when the user brings none.
public protocol TokenizerBuilder {
    /// The tokenizer; `corpus` is the catalog's item texts (what a trained vocabulary learns from).
    func makeTokenizer(corpus: [String]) throws -> TextTokenizer
}
