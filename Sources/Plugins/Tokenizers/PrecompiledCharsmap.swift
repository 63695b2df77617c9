// sentencepiece's precompiled normalization rules (the `Precompiled` normalizer of HF tokenizer.json; nmt_nfkc for
// T5). The blob is: u32 little-endian trie size in bytes, a darts-clone double-array trie of that many bytes (u32
// units) whose keys are UTF-8 source sequences, then NUL-terminated replacement strings the trie values point at.
//
// Matching mirrors HF tokenizers' `Precompiled` normalizer, which is what the parity fixtures were made by (and
// differs from sentencepiece's own greedy longest match): text is walked by extended grapheme cluster; a cluster
// shorter than 6 UTF-8 bytes is looked up whole and, if any *prefix* of it is a key, the first (shortest) match's
// replacement stands for the whole cluster; otherwise each scalar of the cluster is looked up on its own.
import Foundation

public struct PrecompiledCharsmap {
    let units: [UInt32]        // double-array units (darts-clone layout)
    let replacements: [UInt8]  // NUL-terminated UTF-8 strings

    /// Parses the decoded blob; `field` names it in errors.
    init(blob: [UInt8], reader: TokenizerFileReader, field: String) throws {
        guard blob.count >= 4 else { throw reader.invalid(field, "the charsmap is \(blob.count) bytes, shorter than its 4-byte header") }
        let trieBytes = Int(UInt32(blob[0]) | UInt32(blob[1]) << 8 | UInt32(blob[2]) << 16 | UInt32(blob[3]) << 24)
        guard trieBytes % 4 == 0, trieBytes > 0, 4 + trieBytes <= blob.count else {
            throw reader.invalid(field, "the charsmap header says the trie has \(trieBytes) bytes but the blob holds \(blob.count - 4)")
        }
        var units = [UInt32](repeating: 0, count: trieBytes / 4)
        for i in 0..<units.count {
            let o = 4 + 4 * i
            units[i] = UInt32(blob[o]) | UInt32(blob[o + 1]) << 8 | UInt32(blob[o + 2]) << 16 | UInt32(blob[o + 3]) << 24
        }
        self.units = units
        self.replacements = Array(blob[(4 + trieBytes)...])
    }

    // darts-clone unit accessors
    @inline(__always) private func offset(_ u: UInt32) -> Int { Int((u >> 10) << ((u & (1 << 9)) >> 6)) }
    @inline(__always) private func label(_ u: UInt32) -> UInt32 { u & ((1 << 31) | 0xFF) }
    @inline(__always) private func hasLeaf(_ u: UInt32) -> Bool { (u >> 8) & 1 == 1 }
    @inline(__always) private func value(_ u: UInt32) -> Int { Int(u & ((1 << 31) - 1)) }

    /// Start of the replacement for the shortest key that prefixes `key`, if any.
    func shortestMatch(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = units.count
        var pos = offset(units[0])
        for c in key {
            if c == 0 { return nil }
            pos ^= Int(c)
            guard pos < n else { return nil }
            let u = units[pos]
            if label(u) != UInt32(c) { return nil }
            pos ^= offset(u)
            guard pos < n else { return nil }
            if hasLeaf(u) { return value(units[pos]) }
        }
        return nil
    }

    private func appendReplacement(at start: Int, to out: inout [UInt8]) {
        var i = start
        while i < replacements.count, replacements[i] != 0 { out.append(replacements[i]); i += 1 }
    }

    /// Appends the normalized form of one piece (a grapheme or one scalar) if the charsmap has it; false otherwise.
    private func transform(_ piece: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        guard let r = shortestMatch(piece) else { return false }
        appendReplacement(at: r, to: &out)
        return true
    }

    private func normalizeGrapheme(_ g: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if g.count < 6, transform(g, into: &out) { return }
        var i = 0
        while i < g.count {
            let len = min(UTF8Scalars.length(leading: g[i]), g.count - i)
            let scalar = UnsafeBufferPointer(rebasing: g[i..<(i + len)])
            if !transform(scalar, into: &out) { out.append(contentsOf: scalar) }
            i += len
        }
    }

    /// The normalized bytes of `text` (valid UTF-8). With `origins` (the original offset of each input byte), also
    /// the original offset of each output byte: a rewritten cluster or scalar takes the offset of its first byte.
    func normalize(_ text: [UInt8], origins: [Int32]? = nil) -> ([UInt8], [Int32]?) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 8)
        var outOrigins: [Int32]? = origins == nil ? nil : []
        func emit(_ g: UnsafeBufferPointer<UInt8>, at start: Int) {
            let before = out.count
            normalizeGrapheme(g, into: &out)
            if let o = origins { outOrigins!.append(contentsOf: repeatElement(o[start], count: out.count - before)) }
        }
        text.withUnsafeBufferPointer { buf in
            if !buf.contains(where: { $0 >= 0x80 }) {
                // ASCII: every byte is its own cluster except CR LF.
                var i = 0
                while i < buf.count {
                    let len = (buf[i] == 13 && i + 1 < buf.count && buf[i + 1] == 10) ? 2 : 1
                    emit(UnsafeBufferPointer(rebasing: buf[i..<(i + len)]), at: i)
                    i += len
                }
                return
            }
            // Swift's Character is the extended grapheme cluster that HF takes from unicode-segmentation.
            let s = String(decoding: buf, as: UTF8.self)
            var start = 0
            var idx = s.startIndex
            while idx < s.endIndex {
                let next = s.index(after: idx)
                let len = s.utf8.distance(from: idx, to: next)
                emit(UnsafeBufferPointer(rebasing: buf[start..<(start + len)]), at: start)
                start += len
                idx = next
            }
        }
        return (out, outOrigins)
    }
}
