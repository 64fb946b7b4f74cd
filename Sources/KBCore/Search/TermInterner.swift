import Foundation

/// Gives each distinct term (UTF-8 bytes) a dense number, looked up without allocating.
///
/// The ticket index writer meets every token of every ticket it imports; a `Dictionary<String, Int>` would build a
/// `String` per token. Terms live once in one byte arena; an open-addressing table of FNV-1a hashes finds them.
struct TermInterner {
    private var arena: [UInt8] = []
    /// Start of term `n` in `arena`; the term ends where term `n + 1` starts (`ends` holds the last end).
    private var starts: [Int32] = []
    private var ends: [Int32] = []
    private var hashes: [UInt64] = []
    /// Slots hold a term number + 1 (0 is empty).
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    /// Number of distinct terms interned.
    var count: Int { starts.count }

    /// The term's number, adding it when new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let index = entry - 1
            if hashes[index] == hash && equals(index, term) { return index }
            slot = (slot + 1) & mask
        }
        let index = starts.count
        starts.append(Int32(arena.count))
        arena.append(contentsOf: term)
        ends.append(Int32(arena.count))
        hashes.append(hash)
        slots[slot] = Int32(index + 1)
        if starts.count * 2 > slots.count { grow() }
        return index
    }

    /// The bytes of term `index`, valid during `body`.
    func withTerm<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try arena.withUnsafeBufferPointer { bytes in
            try body(UnsafeBufferPointer(rebasing: bytes[Int(starts[index])..<Int(ends[index])]))
        }
    }

    /// Term `index` as a string.
    func string(_ index: Int) -> String {
        withTerm(index) { String(decoding: $0, as: UTF8.self) }
    }

    private func equals(_ index: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[index]), end = Int(ends[index])
        guard end - start == term.count else { return false }
        return arena.withUnsafeBufferPointer { bytes in
            term.isEmpty || memcmp(bytes.baseAddress! + start, term.baseAddress!, term.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for index in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(index + 1)
        }
        slots = bigger
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // Spread the low bits the mask keeps.
        return hash ^ (hash >> 29)
    }
}
