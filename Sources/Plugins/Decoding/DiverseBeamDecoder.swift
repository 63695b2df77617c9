// `diverse-beam`: group beam search with a Hamming diversity penalty (Vijayakumar et al. 2016, "Diverse Beam
// Search"), as HF's `group_beam_search` runs it — the decoder IDGenRec's ID generator uses (paper Alg. 1 as
// released: 10 beams in 10 groups, 10 returned, min/max length, penalty raised when candidates collide).
//
// Per position, groups are processed in order; group g's scores are
//   beam score + log-softmax − λ · (how many beams of groups < g chose that token at this position),
// and the penalized score is what accumulates (as in HF). Each group keeps `beamsPerGroup` beams from the top
// 2·beamsPerGroup candidates; EOS among the top beamsPerGroup becomes a finished hypothesis scored
// sum / length^α (length = generated tokens with EOS). A group stops by HF's heuristic (`early_stopping=False`):
// it holds beamsPerGroup hypotheses and the worst beats best-candidate / current-length^α.
// Lengths follow HF and count the decoder start token: EOS is banned while 1 + generated < min_length, and at
// most max_length − 1 tokens are generated; unfinished beams are returned at max_length (free text only).
//
// Deviations from HF, all towards "never junk": each group starts from one beam (HF: copies at −1e9), no
// candidate with −∞ score (a disallowed token) is ever taken, identical sequences from different groups are
// returned once, and with a trie only real items (EOS-terminated leaves) are returned.
//
// Legend: B inputs, G groups, S beams per group, R rows of a step, V vocabulary, N returned per input.
import Foundation

public struct DiverseBeamDecoder: ItemRanker {
    public struct Config: ComponentConfig, Equatable, Sendable {
        public var groups = 10                 // G (HF num_beam_groups)
        public var beamsPerGroup = 1           // S; HF num_beams = G·S
        public var diversityPenalty: Float = 1.0
        public var minLength = 0               // HF min_length (counts the decoder start token)
        public var maxLength = 20              // HF max_length (counts the decoder start token)
        public var returnCount = 10            // N (HF num_return_sequences), ≤ G·S
        public var lengthPenalty: Float = 1.0  // α (HF length_penalty)

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(groups >= 1, "groups", "must be ≥ 1, got \(groups)")
            c.require(beamsPerGroup >= 1, "beams_per_group", "must be ≥ 1, got \(beamsPerGroup)")
            c.require(maxLength >= 2, "max_length", "must be ≥ 2 (it counts the decoder start token), got \(maxLength)")
            c.require(minLength <= maxLength, "min_length", "must be at most max_length (\(maxLength)), got \(minLength)")
            c.require(returnCount >= 1 && returnCount <= groups * beamsPerGroup, "return_count",
                      "must be in 1...groups·beams_per_group (\(groups * beamsPerGroup)), got \(returnCount)")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "diverse-beam")
    }

    /// A live beam: which input and group it belongs to, its tokens so far (start excluded), its trie node
    /// (constrained decoding only) and its accumulated penalized score.
    struct Beam { var input: Int; var group: Int; var tokens: [Int]; var node: Int; var score: Float }

    /// Up to `returnCount` distinct sequences per input, best first. With `trie`, only items' full IDs
    /// (and none of `exclusions[b]`) can come out; without, free text up to max_length.
    public func generate(_ scorer: Seq2SeqScorer, inputs: [[Int]], trie: Trie? = nil,
                         exclusions: [[Int]]? = nil) -> [[GeneratedSequence]] {
        let B = inputs.count, G = config.groups
        guard B > 0 else { return [] }
        let blocked: [Set<Int>] = (0 ..< B).map { b in
            guard let t = trie, let ex = exclusions, b < ex.count else { return [] }
            return t.blockedNodes(excluding: ex[b])
        }
        var hypotheses = (0 ..< B).map { _ in (0 ..< G).map { _ in Hypotheses(capacity: config.beamsPerGroup) } }
        var done = (0 ..< B).map { _ in [Bool](repeating: false, count: G) }
        var beams: [Beam] = (0 ..< B).flatMap { b in
            (0 ..< G).map { g in Beam(input: b, group: g, tokens: [], node: Trie.root, score: 0) }
        }.filter { !blocked[$0.input].contains(Trie.root) && (trie.map { $0.itemCount > 0 } ?? true) }
        let decoder = scorer.beginDecoding(inputs: inputs)
        var parents = beams.map { $0.input }, tokens = beams.map { _ in scorer.decoderStartID }
        var currentLength = 1                                        // HF cur_len: start token + generated
        var chosen = [Int32](repeating: 0, count: decoder.vocabularySize)   // [V] Hamming counts, reused
        while !beams.isEmpty && currentLength < config.maxLength {
            let logProbs = decoder.step(parents: parents, tokens: tokens)    // [R, V]
            var next: [Beam] = [], nextParents: [Int] = []
            var lo = 0
            while lo < beams.count {                                        // rows grouped by input, then group
                let b = beams[lo].input
                var hi = lo
                while hi < beams.count && beams[hi].input == b { hi += 1 }
                let kept = advance(rows: lo ..< hi, beams: beams, logProbs: logProbs, V: decoder.vocabularySize,
                                   eosID: scorer.eosID, trie: trie, blocked: blocked[b], currentLength: currentLength,
                                   hypotheses: &hypotheses[b], done: &done[b], chosen: &chosen)
                for (row, beam) in kept { next.append(beam); nextParents.append(row) }
                lo = hi
            }
            beams = next; parents = nextParents; tokens = next.map { $0.tokens.last! }
            currentLength += 1
        }
        if trie == nil {                       // HF's finalize: unfinished beams of unfinished groups count too
            for beam in beams where !done[beam.input][beam.group] {
                hypotheses[beam.input][beam.group].add(tokens: beam.tokens, score: beam.score, length: 1 + beam.tokens.count,
                                                       lengthPenalty: config.lengthPenalty)
            }
        }
        return hypotheses.map { groups in best(of: groups.flatMap { $0.entries }, trie: trie) }
    }

    /// Items for each input, best first (the decoder as an `ItemRanker`; duplicates across groups merged).
    public func rank(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]], exclusions: [[Int]]?) -> [RankedItems] {
        generate(scorer, inputs: inputs, trie: trie, exclusions: exclusions).map { seqs in
            RankedItems(items: seqs.compactMap { $0.item }, scores: seqs.map { $0.score },
                        exhausted: seqs.count < config.returnCount)
        }
    }

    /// All groups' hypotheses of one input sorted by score (stable: group order breaks ties), repeats dropped.
    func best(of entries: [GeneratedSequence], trie: Trie?) -> [GeneratedSequence] {
        var seen = Set<[Int]>(), out: [GeneratedSequence] = []
        let sorted = entries.enumerated().sorted { $0.element.score != $1.element.score
            ? $0.element.score > $1.element.score : $0.offset < $1.offset }.map { $0.element }
        for var s in sorted where seen.insert(s.tokens).inserted {
            if let t = trie { s.item = t.node(after: s.tokens).flatMap(t.item(at:)) }
            out.append(s)
            if out.count == config.returnCount { break }
        }
        return out
    }
}
