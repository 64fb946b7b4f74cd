import Synchronization

/// The terms of words already analysed, keyed by the words' original UTF-8, so the many repeated
/// words of support text skip lower-casing, stemming and folding.
///
/// A word's term depends only on its bytes (and the analyzer's language, which owns the cache), so
/// a hit gives exactly what analysing the word again would. Bounded: at ``maximumEntries`` words
/// the cache starts over empty, so memory stays flat whatever the input.
struct StemCache: Sendable {
    /// Most words kept before the cache starts over.
    static let maximumEntries = 50_000
    private static let initialSlotCount = 1 << 10

    private struct Entry {
        var hash: UInt32
        /// Offset in `arena` of the key, followed by the term.
        var start: Int32
        var keyLength: Int32
        var termLength: Int32
    }

    /// Open addressing with linear probing: entry number + 1 per slot, 0 when empty. The table is
    /// kept at most half full.
    private var slots: [Int32] = []
    private var entries: [Entry] = []
    private var arena: [UInt8] = []

    /// Number of words cached.
    var count: Int { entries.count }

    /// FNV-1a over the word's bytes; words are short, so byte at a time is as fast as anything.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return hash
    }

    /// Calls `body` with the cached term of `key` and returns its result; nil when `key` is not cached.
    @inline(__always)
    func withTerm<R, E: Error>(
        for key: UnsafeBufferPointer<UInt8>, hash: UInt32, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
    ) throws(E) -> R? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let number = Int(slots[slot])
            if number == 0 { return nil }
            let entry = entries[number - 1]
            if entry.hash == hash, Int(entry.keyLength) == key.count {
                let start = Int(entry.start)
                let isMatch = arena.withUnsafeBufferPointer { arena in
                    var offset = 0
                    while offset < key.count, arena[start + offset] == key[offset] { offset += 1 }
                    return offset == key.count
                }
                if isMatch {
                    let termStart = start + key.count
                    let termEnd = termStart + Int(entry.termLength)
                    return try arena.withUnsafeBufferPointer { (arena) throws(E) -> R in
                        try body(UnsafeBufferPointer(rebasing: arena[termStart..<termEnd]))
                    }
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Remembers the term of a word that `withTerm` did not find.
    mutating func insert(key: UnsafeBufferPointer<UInt8>, hash: UInt32, term: UnsafeBufferPointer<UInt8>) {
        if entries.count >= Self.maximumEntries {
            slots.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
        }
        if slots.count < 2 * (entries.count + 1) {
            rehash(slotCount: max(Self.initialSlotCount, 2 * slots.count))
        }
        entries.append(Entry(
            hash: hash, start: Int32(arena.count), keyLength: Int32(key.count), termLength: Int32(term.count)))
        arena.append(contentsOf: key)
        arena.append(contentsOf: term)
        place(entryNumber: Int32(entries.count), hash: hash)
    }

    private mutating func rehash(slotCount: Int) {
        slots = [Int32](repeating: 0, count: slotCount)
        for (index, entry) in entries.enumerated() {
            place(entryNumber: Int32(index + 1), hash: entry.hash)
        }
    }

    private mutating func place(entryNumber: Int32, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            slot = (slot + 1) & mask
        }
        slots[slot] = entryNumber
    }
}

extension StemCache {
    /// One analyzer's cache behind a lock: a pass checks it out for its whole run and returns it
    /// after, so the hot loop takes no lock. A pass that finds it checked out (another thread, or a
    /// nested call) runs without a cache; its terms are the same, only slower.
    final class Shared: Sendable {
        private let state = Mutex<StemCache?>(StemCache())

        func checkOut() -> StemCache? {
            state.withLock { $0.take() }
        }

        func checkIn(_ cache: consuming StemCache) {
            state.withLock { $0 = cache }
        }
    }
}
