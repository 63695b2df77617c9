// UTF-8 on raw bytes: the tokenizer works on the text's bytes (HF's Unigram advances by UTF-8 character and
// its tries are byte tries), so it needs lengths, scalar decoding and Unicode whitespace without building Strings.
enum UTF8Scalars {
    /// Length of the sequence that starts with `b` (1 for stray continuation bytes).
    @inline(__always) static func length(leading b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b >= 0xF0 { return 4 }
        if b >= 0xE0 { return 3 }
        if b >= 0xC0 { return 2 }
        return 1
    }

    /// The scalar at `i` and its length.
    @inline(__always) static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(s[i])
        let len = min(length(leading: s[i]), s.count - i)
        switch len {
        case 2: return ((b0 & 0x1F) << 6 | UInt32(s[i + 1]) & 0x3F, 2)
        case 3: return ((b0 & 0x0F) << 12 | (UInt32(s[i + 1]) & 0x3F) << 6 | UInt32(s[i + 2]) & 0x3F, 3)
        case 4: return ((b0 & 0x07) << 18 | (UInt32(s[i + 1]) & 0x3F) << 12 | (UInt32(s[i + 2]) & 0x3F) << 6 | UInt32(s[i + 3]) & 0x3F, 4)
        default: return (b0, 1)
        }
    }

    /// Unicode White_Space (what Rust's `char::is_whitespace` tests, used by HF's WhitespaceSplit).
    @inline(__always) static func isWhitespace(_ c: UInt32) -> Bool {
        switch c {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
