// The `unigram` tokenizer component: a HF tokenizer.json (e.g. t5-small's) when `path` is given, else a
// Unigram vocabulary trained on the catalog text (UnigramTrainer) — the default, since no pretrained files
// are downloaded here.
import Foundation

public struct UnigramTokenizerBuilder: TokenizerBuilder {
    public struct Config: ComponentConfig, Equatable {
        /// A HF tokenizer.json to load; empty: train a vocabulary on the item texts.
        public var path = ""
        /// Vocabulary size when training (sentencepiece's T5 default is 32k; 8000 suits CPU models).
        public var vocabSize = 8000
        /// Share of characters the trained vocabulary must cover (rarer ones go to byte fallback).
        public var characterCoverage = 0.9995
        /// Unknown characters become UTF-8 byte tokens instead of <unk>.
        public var byteFallback = true
        public init() {}

        /// Only what is wrong whatever the catalog; whether the vocabulary fits the text is the trainer's call.
        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(vocabSize >= 1, "vocab_size", "must be ≥ 1, got \(vocabSize)")
            c.require(characterCoverage > 0 && characterCoverage <= 1, "character_coverage",
                      "must be in (0, 1], got \(characterCoverage)")
            return c.problems
        }
    }

    public let config: Config
    public init(config: Config) { self.config = config }

    public func makeTokenizer(corpus: [String]) throws -> TextTokenizer {
        if !config.path.isEmpty { return try UnigramTokenizer(contentsOf: URL(fileURLWithPath: config.path)) }
        let options = UnigramTrainerOptions(vocabularySize: config.vocabSize, characterCoverage: config.characterCoverage,
                                            byteFallback: config.byteFallback)
        return try UnigramTrainer(options: options).train(texts: corpus)
    }
}
