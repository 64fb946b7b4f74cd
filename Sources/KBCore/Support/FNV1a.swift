/// FNV-1a, 64 bits: a fast fingerprint to tell whether a stored record changed (not for security).
///
/// Stored tickets keep this hash to report an identical re-import as unchanged, so the function
/// itself must never change; only how fast it runs may.
public enum FNV1a {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    public static func hash64(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash64($0) }
    }

    public static func hash64<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        if let hash = bytes.withContiguousStorageIfAvailable({ hash64($0) }) { return hash }
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash of a buffer: one load per eight bytes, then the same byte-by-byte steps from the register.
    public static func hash64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return offsetBasis }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var hash = offsetBasis
        var offset = 0
        while offset + 8 <= count {
            var word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            for _ in 0..<8 {
                hash = (hash ^ (word & 0xFF)) &* prime
                word >>= 8
            }
            offset += 8
        }
        while offset < count {
            hash = (hash ^ UInt64(base[offset])) &* prime
            offset += 1
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        hex(hash64(text))
    }

    /// The hash of UTF-8 bytes as 16 lower-case hex digits.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        hex(hash64(bytes))
    }

    /// The hash of a buffer as 16 lower-case hex digits.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        hex(hash64(bytes))
    }

    /// Sixteen digits, most significant first, zero-padded.
    static func hex(_ hash: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: hash >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &- 10 &+ UInt8(ascii: "a")
            }
            return 16
        }
    }
}
