// The built-in tokenizers, one line each.
public let builtinTokenizers: [ComponentRegistration] = [
    .init(kind: .tokenizer, name: "unigram", summary: "Unigram: HF tokenizer.json, or trained on the catalog text",
          defaults: UnigramTokenizerBuilder.Config(), inputFiles: ["path"]) { UnigramTokenizerBuilder(config: $0) },
]
