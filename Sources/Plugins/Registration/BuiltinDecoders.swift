// The built-in decoders (`ItemRanker`s), one line each.
public let builtinDecoders: [ComponentRegistration] = [
    .init(kind: .decoder, name: "trie-beam", summary: "beam search over the ID trie; exactly k distinct real items",
          defaults: TrieBeamDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try TrieBeamDecoder(config: $0) },
    .init(kind: .decoder, name: "greedy", summary: "greedy decoding over the ID trie (one item per user)",
          defaults: GreedyDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try GreedyDecoder(config: $0) },
    .init(kind: .decoder, name: "diverse-beam", summary: "group beam search with a diversity penalty over the ID trie; up to return_count items",
          defaults: DiverseBeamDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try DiverseBeamDecoder(config: $0) },
    .init(kind: .decoder, name: "exact", summary: "every item's full ID scored by teacher forcing; the exact top k (small catalogs)",
          defaults: ExactScorer.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try ExactScorer(config: $0) },
]
