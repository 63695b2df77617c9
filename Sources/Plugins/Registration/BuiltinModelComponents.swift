// Tokenizers, models, trainers and decoders, one line each.
public let builtinTokenizers: [ComponentRegistration] = [
    .init(kind: .tokenizer, name: "unigram", summary: "Unigram: HF tokenizer.json, or trained on the catalog text",
          defaults: UnigramTokenizerBuilder.Config(), inputFiles: ["path"]) { UnigramTokenizerBuilder(config: $0) },
]

public let builtinModels: [ComponentRegistration] = [
    .init(kind: .model, name: "t5", summary: "T5 encoder-decoder (HF-compatible); presets cpu-tiny, cpu-small, t5-small",
          defaults: T5ModelBuilder.Config(), inputFiles: ["checkpoint"]) { try T5ModelBuilder(config: $0) },
]

public let builtinTrainers: [ComponentRegistration] = [
    .init(kind: .trainer, name: "recommender", summary: "teacher-forced prompt → item ID training with validation and early stopping",
          defaults: RecommenderTrainer.Config()) { RecommenderTrainer(config: $0) },
]

public let builtinDecoders: [ComponentRegistration] = [
    .init(kind: .decoder, name: "trie-beam", summary: "beam search over the ID trie; exactly k distinct real items",
          defaults: TrieBeamDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try TrieBeamDecoder(config: $0) },
    .init(kind: .decoder, name: "greedy", summary: "greedy decoding over the ID trie (one item per user)",
          defaults: GreedyDecoder.Config(),
          requires: [ComponentRequirement(.itemIDs, provides: .tokenSequenceIDs, because: "the trie holds token sequences")]) { try GreedyDecoder(config: $0) },
]
