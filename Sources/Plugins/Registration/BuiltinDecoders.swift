// The built-in decoders (`ItemRanker`s), one line each.
public let builtinDecoders: [ComponentRegistration] = [
    .init(kind: .decoder, name: "trie-beam", summary: "beam search over the ID trie; exactly k distinct real items",
          defaults: TrieBeamDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try TrieBeamDecoder(config: $0) },
    .init(kind: .decoder, name: "greedy", summary: "greedy decoding over the ID trie (one item per user)",
          defaults: GreedyDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try GreedyDecoder(config: $0) },
]
