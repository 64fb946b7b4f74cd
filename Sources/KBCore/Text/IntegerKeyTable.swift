/// A read-only hash table from 64-bit keys to values, for lookups in hot loops (language detection reads a few
/// hundred trigrams and words of every imported ticket): open addressing with a multiplicative hash, where a
/// `Dictionary` hashes each key with SipHash.
struct IntegerKeyTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value?]
    private let shift: UInt64

    /// The table holding `entries`.
    init(_ entries: [UInt64: Value]) {
        var bits: UInt64 = 4
        // At most a quarter full, so probes stay short.
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        shift = 64 - bits
        for (key, value) in entries {
            var slot = Self.slot(key, shift: shift)
            while values[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of `key`, or nil.
    subscript(key: UInt64) -> Value? {
        let mask = keys.count - 1
        var slot = Self.slot(key, shift: shift)
        while let value = values[slot] {
            if keys[slot] == key { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
