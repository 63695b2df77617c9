// `trie-beam`: beam search constrained by the trie of item IDs (generative retrieval as in P5/TIGER/IDGenRec
// §3.3), batched over inputs and beams — one `step` per position for every live row of every input — and
// returning the top-k DISTINCT real items per input.
//
// Why it returns exactly k real items when k are reachable (HF's constrained search does not): every live
// beam sits on a distinct trie node, so every EOS reached is a distinct item; EOS continuations go to a
// finished pool instead of competing for beam slots; branches with no (non-excluded) item below are never
// entered. With K ≥ k, "finished + items below live beams ≥ min(k, reachable)" holds at every step (pruning
// happens only when K ≥ k live beams remain), so the pool ends with min(k, reachable) items.
//
// Early stop is exact w.r.t. the beam's candidates: log-probs are ≤ 0, so a live beam's final score is at most
// its current sum s — or, length-normalized, at most s / L^α with L its longest possible length. A beam whose
// bound cannot beat the k-th finished score is dropped; the search ends when no beam is left. With K ≥ the
// number of items nothing is ever pruned and the result is the exact top k.
//
// Legend: B inputs, K beams, k items returned, R rows of a step (≤ B·K), V vocabulary.
import Foundation

public struct TrieBeamDecoder: ItemRanker {
    public struct Config: ComponentConfig, Equatable, Sendable {
        /// Live beams per input (K); the reference evaluates with 20.
        public var beams = 20
        /// Items returned per input (k ≤ K).
        public var k = 20
        /// Rank by sum / length^α (HF's `sequences_scores`, length = generated tokens with EOS) instead of the
        /// plain sum of log-probs.
        public var lengthNormalization = false
        /// α of the length normalization (HF's `length_penalty`, default 1.0).
        public var lengthPenalty: Float = 1.0
        /// Score tokens by log-softmax renormalized over the allowed tokens instead of the full-vocabulary
        /// log-softmax restricted to them (the reference's, via `prefix_allowed_tokens_fn`, and the default).
        /// Also faster: the T5 then computes the logits of the allowed tokens only, not the whole output layer.
        public var renormalizeAllowed = false

        public init() {}

        public func validate() -> [ConfigProblem] {
            var c = ConfigChecks()
            c.require(beams >= 1, "beams", "must be ≥ 1, got \(beams)")
            c.require(k >= 1 && k <= beams, "k", "must be in 1...beams (\(beams)), got \(k): beam search can only guarantee "
                      + "k distinct items from k live beams; raise 'beams'")
            return c.problems
        }
    }

    public let config: Config

    public init(config: Config = Config()) throws {
        self.config = try config.checked(by: "trie-beam")
    }

    /// One live partial ID: the input it belongs to, its trie node and its summed log-prob.
    struct Beam { var input: Int; var node: Int; var score: Float }

    /// A continuation considered for the next step: beam row `row` extended along trie edge `edge`.
    struct Candidate { var score: Float; var row: Int; var edge: Int }

    /// Ranks every input. With a scorer that allows it, the batch is split into one shard per core, each
    /// searched on its own thread with the Kernel serial inside: the inputs' searches are independent, and
    /// two single-threaded halves outrun one batch whose every product and loop is split and joined.
    public func rank(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]], exclusions: [[Int]]?) -> [RankedItems] {
        let B = inputs.count, shards = scorer.supportsConcurrentDecoding ? min(Parallel.workers, B) : 1
        guard shards > 1 else { return rankBatch(scorer, trie: trie, inputs: inputs, exclusions: exclusions) }
        let bounds = (0...shards).map { B * $0 / shards }
        var parts = [[RankedItems]](repeating: [], count: shards)
        parts.withUnsafeMutableBufferPointer { out in
            Parallel.shards(shards) { s in
                let range = bounds[s] ..< bounds[s + 1]
                out[s] = rankBatch(scorer, trie: trie, inputs: Array(inputs[range]),
                                   exclusions: exclusions.map { ex in range.map { $0 < ex.count ? ex[$0] : [] } })
            }
        }
        return parts.flatMap { $0 }
    }

    /// One batch on the calling thread's Kernel: every live row of every input in one `step` per position.
    func rankBatch(_ scorer: Seq2SeqScorer, trie: Trie, inputs: [[Int]], exclusions: [[Int]]?) -> [RankedItems] {
        let B = inputs.count
        guard B > 0 else { return [] }
        let blocked: [Set<Int>] = (0 ..< B).map { b in
            guard let ex = exclusions, b < ex.count else { return [] }
            return trie.blockedNodes(excluding: ex[b])
        }
        var finished = (0 ..< B).map { _ in FinishedPool(capacity: config.k) }
        var beams: [Beam] = (0 ..< B).filter { !blocked[$0].contains(Trie.root) && trie.itemCount > 0 }
            .map { Beam(input: $0, node: Trie.root, score: 0) }
        let decoder = scorer.beginDecoding(inputs: inputs)
        var parents = beams.map { $0.input }
        var tokens = [Int](repeating: scorer.decoderStartID, count: beams.count)
        let V = decoder.vocabularySize
        while !beams.isEmpty {
            // Full-vocabulary log-softmax (reference: logits [R, V] and each row's normalizer, subtracted for
            // the allowed tokens only), or renormalized over each row's allowed tokens, which the model may
            // compute for those tokens alone.
            var full: [Float] = [], normalizers: [Float] = [], renormalized: [[Float]] = []
            if config.renormalizeAllowed {
                let allowed = beams.map { beam in
                    trie.edges(of: beam.node).filter { !blocked[beam.input].contains(trie.child(ofEdge: $0)) }.map { trie.token(ofEdge: $0) }
                }
                renormalized = decoder.stepAllowed(parents: parents, tokens: tokens, allowed: allowed)
            } else {
                (full, normalizers) = decoder.stepLogits(parents: parents, tokens: tokens)
            }
            var next: [Beam] = [], nextParents: [Int] = [], nextTokens: [Int] = []
            var lo = 0
            while lo < beams.count {                                          // rows are grouped by input
                let b = beams[lo].input
                var hi = lo
                while hi < beams.count && beams[hi].input == b { hi += 1 }
                let chosen = full.isEmpty && config.renormalizeAllowed
                    ? expand(rows: lo ..< hi, beams: beams, logProb: { r, k, _ in renormalized[r][k] },
                             trie: trie, blocked: blocked[b], finished: &finished[b])
                    : full.withUnsafeBufferPointer { lp in
                        expand(rows: lo ..< hi, beams: beams, logProb: { r, _, token in lp[r * V + token] - normalizers[r] },
                               trie: trie, blocked: blocked[b], finished: &finished[b])
                    }
                for c in chosen {
                    next.append(Beam(input: b, node: trie.child(ofEdge: c.edge), score: c.score))
                    nextParents.append(c.row)
                    nextTokens.append(trie.token(ofEdge: c.edge))
                }
                lo = hi
            }
            beams = next; parents = nextParents; tokens = nextTokens
        }
        return finished.map { pool in
            RankedItems(items: pool.entries.map { $0.item }, scores: pool.entries.map { $0.score },
                        exhausted: pool.entries.count < config.k)
        }
    }
}
