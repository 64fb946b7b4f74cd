/// A read-only hash table from 64-bit keys to values, for lookups in hot loops (language detection reads a few
/// hundred trigrams and words of every imported ticket): open addressing with a multiplicative hash, where a
/// `Dictionary` hashes each key with SipHash.
///
/// Most lookups miss (a word's trigrams are mostly not in the table), so a miss reads the keys alone: 0 marks an empty
/// slot (key 0 itself is kept apart), and the keys of a table of a thousand entries fit in the CPU's nearest cache,
/// where keys and optional values side by side did not.
struct IntegerKeyTable<Value: Sendable>: Sendable {
    /// Each slot's key; 0 when the slot is empty.
    private let keys: [UInt64]
    /// Each slot's value, set where its key is.
    private let values: [Value?]
    /// The value of key 0, which `keys` cannot hold.
    private let zeroKeyValue: Value?
    private let shift: UInt64

    /// The table holding `entries`.
    init(_ entries: [UInt64: Value]) {
        var bits: UInt64 = 4
        // At most half full, so probes stay short.
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        var zeroKeyValue: Value?
        shift = 64 - bits
        for (key, value) in entries {
            guard key != 0 else {
                zeroKeyValue = value
                continue
            }
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.zeroKeyValue = zeroKeyValue
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The value of `key`, or nil.
    subscript(key: UInt64) -> Value? {
        guard key != 0 else { return zeroKeyValue }
        let slot: Int? = keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Self.slot(key, shift: shift)
            while true {
                let stored = keys[slot]
                if stored == key { return slot }
                if stored == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
        return slot.map { values[$0] } ?? nil
    }
}
