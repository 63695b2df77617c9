// The built-in models, one line each.
public let builtinModels: [ComponentRegistration] = [
    .init(kind: .model, name: "t5", summary: "T5 encoder-decoder (HF-compatible); presets cpu-tiny, cpu-small, t5-small",
          defaults: T5ModelBuilder.Config(), inputFiles: ["checkpoint"]) { try T5ModelBuilder(config: $0) },
    .init(kind: .model, name: "causal", summary: "decoder-only recommender (HF Llama layout) trained on whole item sequences; presets causal-tiny, causal-small",
          defaults: CausalModelBuilder.Config(), inputFiles: ["checkpoint"]) { try CausalModelBuilder(config: $0) },
]
