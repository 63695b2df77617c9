// The `decoder` component as the evaluator sees it: from prompts to ranked real items, through a model's
// incremental decoder and the trie of valid IDs. `trie-beam`, `diverse-beam`, `greedy` and
// `exact` implement it.
//
// Legend: B inputs, T prompt tokens.
public protocol ItemRanker {
    /// Ranks items for every input. `exclusions[b]` (when given) lists items that must not be returned for
    /// input b, e.g. the user's history; pass nil to keep the reference behaviour (nothing excluded).
    func rank(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]],   // [B][T]
              exclusions: [[Int]]?) -> [RankedItems]                  // [B]
}
