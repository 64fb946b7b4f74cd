/// FNV-1a, 64 bits: a fast fingerprint to tell whether a stored record changed (not for security).
public enum FNV1a {
    public static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The hash as 16 lower-case hex digits.
    public static func hex(_ text: String) -> String {
        let digits = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
