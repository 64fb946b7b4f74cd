/// Comparison whose running time does not depend on where two secrets differ, so a client timing the
/// server's answers learns nothing about a token byte by byte.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes. Every byte of equal-length inputs is read whatever their
    /// contents; inputs of different lengths are unequal (callers compare fixed-length digests, so lengths
    /// reveal nothing).
    public static func equals<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
