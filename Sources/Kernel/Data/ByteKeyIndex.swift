// Interns byte-string keys (user ids, item ids) into dense indices 0, 1, 2, … in first-seen order, straight
// from the bytes of a line or a json-c string: no String is built per lookup, which is what makes ingest run
// at file speed (a String-keyed Dictionary spent most of the folder load hashing and comparing).
// Non-generic on purpose: generic byte collections are not specialized across modules and ran 10× slower.
// Open addressing with linear probing over FNV-1a hashes; keys live back to back in one byte arena.

import Foundation

public struct ByteKeyIndex {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]          // key i is arena[starts[i]..<starts[i+1]]
    private var slots: [Int32]               // -1 empty, else key index
    private var hashes: [UInt64] = []
    private var mask: Int

    public init(capacity: Int = 1024) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = Array(repeating: -1, count: n)
        mask = n - 1
    }

    public var count: Int { hashes.count }

    /// The key with index `i`, as a String.
    public func key(_ i: Int) -> String {
        arena.withUnsafeBufferPointer { String(decoding: $0[starts[i]..<starts[i + 1]], as: UTF8.self) }
    }

    /// All keys in index order.
    public var keys: [String] { (0..<count).map(key) }

    /// The index of `bytes`, if already interned.
    public func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = ByteKeyIndex.hash(bytes)
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { return nil }
            if hashes[k] == h && equal(k, bytes) { return k }
            s = (s + 1) & mask
        }
    }

    /// The index of `bytes`, interning it when new; `isNew` tells which.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, isNew: Bool) {
        let h = ByteKeyIndex.hash(bytes)
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { break }
            if hashes[k] == h && equal(k, bytes) { return (k, false) }
            s = (s + 1) & mask
        }
        let k = hashes.count
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(h)
        slots[s] = Int32(k)
        if hashes.count * 2 > slots.count { grow() }
        return (k, true)
    }

    public mutating func intern(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (index: Int, isNew: Bool) {
        intern(UnsafeBufferPointer(rebasing: bytes))
    }
    public func find(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? { find(UnsafeBufferPointer(rebasing: bytes)) }

    public mutating func intern(_ s: String) -> (index: Int, isNew: Bool) {
        var s = s
        return s.withUTF8 { intern($0) }
    }
    public func find(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { find($0) }
    }

    private func equal(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = starts[k], hi = starts[k + 1]
        guard hi - lo == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + lo, bytes.baseAddress!, bytes.count) == 0 }
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = Array(repeating: -1, count: n)
        mask = n - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] >= 0 { s = (s + 1) & mask }
            slots[s] = Int32(k)
        }
    }

    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        // Final avalanche so the low bits (the slot) depend on every byte.
        h ^= h >> 33; h &*= 0xFF51_AFD7_ED55_8CCD; h ^= h >> 33
        return h
    }
}
