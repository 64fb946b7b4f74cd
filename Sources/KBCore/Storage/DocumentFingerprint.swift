/// The 64-bit fingerprint the store keeps beside each ticket document, to tell an identical re-import (unchanged)
/// from a changed one: MurmurHash3's 64-bit mixing over 8-byte little-endian words, so it reads a document a word at
/// a time (FNV-1a, which schema 2 kept, takes a multiplication per byte).
///
/// Only detects changes, not tampering. Stored values depend on it: never change the function (a new one needs a
/// migration that recomputes every stored fingerprint, as schema 3's did).
enum DocumentFingerprint {
    private static let c1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let c2: UInt64 = 0x4CF5_AD43_2745_937F

    /// The fingerprint of `bytes` as SQLite stores it (a signed 64-bit integer).
    static func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
        Int64(bitPattern: hash(bytes))
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(count) &* c1)
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                state ^= mix(word)
                state = rotated(state, 27) &* 5 &+ 0x52DC_E729
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            state ^= mix(tail)
        }
        // MurmurHash3's finaliser: every input bit reaches every output bit.
        state ^= state >> 33
        state = state &* 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        state = state &* 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 33
        return state
    }

    private static func mix(_ word: UInt64) -> UInt64 {
        rotated(word &* c1, 31) &* c2
    }

    private static func rotated(_ value: UInt64, _ count: UInt64) -> UInt64 {
        value << count | value >> (64 - count)
    }
}
