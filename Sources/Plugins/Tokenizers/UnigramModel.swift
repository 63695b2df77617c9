// The Unigram language model of a tokenizer.json (`model.type == "Unigram"`): pieces with log-probability scores,
// the unk id, and byte fallback. Segmentation is the Viterbi best path over the lattice of pieces (Kudo 2018,
// "Subword Regularization", §3; sentencepiece unigram_model.cc), exactly as HF tokenizers' `encode_optimized`:
// positions advance by UTF-8 character; a character no single piece covers becomes unk scored `min score − 10`;
// ties keep the earlier (shorter) candidate; consecutive unks are fused; a fused unk whose text is not itself a
// piece becomes its UTF-8 bytes as `<0xXX>` pieces when byte fallback is on and all of them exist.
public struct UnigramModel {
    public private(set) var pieces: [String]
    public private(set) var scores: [Double]
    public let unkID: Int?
    public let byteFallback: Bool

    private var trie: PieceTrie
    private var byteIDs: [Int32]       // id of <0xXX> for each byte, -1 if absent
    private let unkScore: Double       // min score − 10 (sentencepiece's kUnkPenalty)

    public init(pieces: [String], scores: [Double], unkID: Int?, byteFallback: Bool) {
        precondition(pieces.count == scores.count)
        self.pieces = pieces
        self.scores = scores
        self.unkID = unkID
        self.byteFallback = byteFallback
        trie = PieceTrie(pieces: pieces.map { Array($0.utf8) })
        var ids = [Int32](repeating: -1, count: 256)
        var index: [String: Int] = [:]
        for (i, p) in pieces.enumerated() { index[p] = i }
        for b in 0..<256 { if let id = index[Self.bytePiece(UInt8(b))] { ids[b] = Int32(id) } }
        byteIDs = ids
        unkScore = (scores.min() ?? 0) - 10
    }

    public var count: Int { pieces.count }

    static func bytePiece(_ b: UInt8) -> String {
        let hex = String(b, radix: 16, uppercase: true)
        return "<0x" + (hex.count == 1 ? "0" + hex : hex) + ">"
    }

    /// The id of a whole piece.
    public func id(of piece: String) -> Int? {
        var p = piece
        return p.withUTF8 { trie.exact($0) }
    }

    /// Scratch space for one Viterbi pass, reused across calls.
    final class Lattice {
        var score: [Double] = []
        var start: [Int32] = []
        var id: [Int32] = []
        var spans: [(Int, Int, Int32)] = []
        func reset(_ n: Int) {
            if score.count < n + 1 {
                score = [Double](repeating: 0, count: n + 1)
                start = [Int32](repeating: -1, count: n + 1)
                id = [Int32](repeating: -1, count: n + 1)
            }
            for i in 0...n { start[i] = -1; score[i] = 0 }
            spans.removeAll(keepingCapacity: true)
        }
    }

    /// Appends the ids of the best segmentation of `s` (one pre-token).
    func encode(_ s: UnsafeBufferPointer<UInt8>, lattice: Lattice, into out: inout [Int]) {
        let n = s.count
        guard n > 0 else { return }
        lattice.reset(n)
        let unk = Int32(unkID ?? -1)
        lattice.score.withUnsafeMutableBufferPointer { score in
        lattice.start.withUnsafeMutableBufferPointer { start in
        lattice.id.withUnsafeMutableBufferPointer { ids in
            scores.withUnsafeBufferPointer { pieceScore in
                var pos = 0
                while pos < n {
                    let here = score[pos]
                    let mblen = min(UTF8Scalars.length(leading: s[pos]), n - pos)
                    var single = false
                    trie.forEachPrefix(s, from: pos) { len, id in
                        let end = pos + len
                        let cand = pieceScore[id] + here
                        if start[end] < 0 || cand > score[end] {
                            score[end] = cand; start[end] = Int32(pos); ids[end] = Int32(id)
                        }
                        if len == mblen { single = true }
                    }
                    if !single, unk >= 0 {
                        let end = pos + mblen
                        let cand = unkScore + here
                        if start[end] < 0 || cand > score[end] {
                            score[end] = cand; start[end] = Int32(pos); ids[end] = unk
                        }
                    }
                    pos += mblen
                }
            }
        }}}
        // Walk back from the end; spans come out last-first. A node never reached (no unk id) is skipped whole.
        var end = n
        while end > 0 {
            let st = Int(lattice.start[end])
            if st < 0 { end -= 1; continue }
            lattice.spans.append((st, end, lattice.id[end]))
            end = st
        }
        var i = lattice.spans.count - 1
        while i >= 0 {
            let (st, e, id) = lattice.spans[i]
            if id != unk { out.append(Int(id)); i -= 1; continue }
            var fusedEnd = e
            while i - 1 >= 0, lattice.spans[i - 1].2 == unk { i -= 1; fusedEnd = lattice.spans[i].1 }
            i -= 1
            appendUnknown(UnsafeBufferPointer(rebasing: s[st..<fusedEnd]), into: &out)
        }
    }

    /// A fused unk span: its own id if it is a piece, else its bytes when byte fallback has them all, else unk.
    private func appendUnknown(_ text: UnsafeBufferPointer<UInt8>, into out: inout [Int]) {
        if let id = trie.exact(text) { out.append(id); return }
        if byteFallback, text.allSatisfy({ byteIDs[Int($0)] >= 0 }) {
            for b in text { out.append(Int(byteIDs[Int(b)])) }
            return
        }
        out.append(unkID!)
    }
}
