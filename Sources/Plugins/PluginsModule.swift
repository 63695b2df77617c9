// IDGenPlugins: the components (datasets, tokenizers, ID strategies, prompts, trainers, decoders, metrics…).
@_exported import IDGenKernel
