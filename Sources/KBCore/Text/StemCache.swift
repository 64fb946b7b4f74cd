import Synchronization

/// The terms of words already analysed, keyed by the words' original UTF-8, so the many repeated
/// words of support text skip lower-casing, stemming and folding.
///
/// A word's term depends only on its bytes (and the analyzer's language, which owns the cache), so
/// a hit gives exactly what analysing the word again would. Bounded: at ``maximumEntries`` words
/// the cache starts over empty, so memory stays flat whatever the input.
///
/// The hot path is one hash and one comparison per word, so the table lives in manually managed
/// memory (no reference counting or bounds checks per access). It is noncopyable, so the memory has
/// one owner at a time; it moves between threads only through ``Shared``'s lock, which is what makes
/// the `@unchecked Sendable` true.
struct StemCache: ~Copyable, @unchecked Sendable {
    /// Most words kept before the cache starts over.
    static let maximumEntries = 50_000
    private static let initialSlotCount = 1 << 10
    private static let initialArenaBytes = 1 << 14

    private struct Entry {
        var hash: UInt32
        var keyLength: UInt32
        /// Offset in `arena` of the key, followed by the term.
        var start: Int32
        var termLength: Int32
    }

    /// Open addressing with linear probing: entry number + 1 per slot, 0 when empty. The table is
    /// kept at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotMask: Int
    private var entries: UnsafeMutablePointer<Entry>
    private var entryCapacity: Int
    /// Number of words cached.
    private(set) var count = 0
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int
    private var arenaCount = 0

    init() {
        slotMask = Self.initialSlotCount - 1
        slots = .allocate(capacity: Self.initialSlotCount)
        slots.initialize(repeating: 0, count: Self.initialSlotCount)
        entryCapacity = Self.initialSlotCount / 2
        entries = .allocate(capacity: entryCapacity)
        arenaCapacity = Self.initialArenaBytes
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
        arena.deallocate()
    }

    /// FNV-1a over the word's bytes; words are short, so byte at a time is as fast as anything.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return hash
    }

    /// The cached term of `key`, pointing into the cache (valid until the next `insert`); nil when
    /// `key` is not cached.
    @inline(__always)
    func term(for key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> UnsafeBufferPointer<UInt8>? {
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let number = Int(slots[slot])
            if number == 0 { return nil }
            let entry = entries[number - 1]
            if entry.hash == hash, Int(entry.keyLength) == key.count {
                let start = arena + Int(entry.start)
                if Self.equal(start, key) {
                    return UnsafeBufferPointer(start: start + key.count, count: Int(entry.termLength))
                }
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// Whether the `key.count` bytes at `stored` are `key`'s, eight at a time.
    @inline(__always)
    private static func equal(_ stored: UnsafeMutablePointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = key.baseAddress else { return true }
        let left = UnsafeRawPointer(stored)
        let right = UnsafeRawPointer(base)
        var offset = 0
        let count = key.count
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if stored[offset] != base[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Remembers the term of a word that `term(for:hash:)` did not find.
    mutating func insert(key: UnsafeBufferPointer<UInt8>, hash: UInt32, term: UnsafeBufferPointer<UInt8>) {
        if count >= Self.maximumEntries {
            startOver()
        }
        if count == entryCapacity {
            growEntries()
        }
        let bytes = key.count + term.count
        if arenaCount + bytes > arenaCapacity {
            growArena(toHold: arenaCount + bytes)
        }
        if let source = key.baseAddress {
            (arena + arenaCount).initialize(from: source, count: key.count)
        }
        if let source = term.baseAddress {
            (arena + arenaCount + key.count).initialize(from: source, count: term.count)
        }
        (entries + count).initialize(to: Entry(
            hash: hash, keyLength: UInt32(key.count), start: Int32(arenaCount), termLength: Int32(term.count)))
        arenaCount += bytes
        count += 1
        place(entryNumber: Int32(count), hash: hash)
    }

    private mutating func startOver() {
        slots.update(repeating: 0, count: slotMask + 1)
        count = 0
        arenaCount = 0
    }

    /// Doubles the entries and the slot table together, so the table stays at most half full.
    private mutating func growEntries() {
        let newEntries = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
        newEntries.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = newEntries
        entryCapacity *= 2
        let slotCount = (slotMask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        slotMask = slotCount - 1
        for index in 0..<count {
            place(entryNumber: Int32(index + 1), hash: entries[index].hash)
        }
    }

    private mutating func growArena(toHold bytes: Int) {
        var capacity = arenaCapacity * 2
        while capacity < bytes { capacity *= 2 }
        let newArena = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        newArena.initialize(from: arena, count: arenaCount)
        arena.deallocate()
        arena = newArena
        arenaCapacity = capacity
    }

    private func place(entryNumber: Int32, hash: UInt32) {
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while slots[slot] != 0 {
            slot = (slot + 1) & slotMask
        }
        slots[slot] = entryNumber
    }
}

extension StemCache {
    /// One analyzer's caches behind locks: a pass checks one out for its whole run and returns it
    /// after, so the hot loop takes no lock. There are two, so two threads analysing at once (import
    /// reads on one and writes on the other) both run cached; a pass that finds both checked out (a
    /// third thread, or a nested call) runs without a cache: its terms are the same, only slower. A
    /// cache is made on first use, so an analyzer that never runs allocates nothing.
    final class Shared: Sendable {
        private enum State: ~Copyable {
            case unused
            case available(StemCache)
            case checkedOut
        }

        /// How many passes can hold a cache at once.
        static let slotCount = 2
        private let first = Mutex<State>(.unused)
        private let second = Mutex<State>(.unused)

        /// The cache of `slot` (0 ..< `slotCount`), which the caller owns until `checkIn`; nil while it is out.
        func checkOut(slot: Int) -> StemCache? {
            slot == 0 ? Self.checkOut(first) : Self.checkOut(second)
        }

        func checkIn(_ cache: consuming StemCache, slot: Int) {
            if slot == 0 {
                Self.checkIn(cache, to: first)
            } else {
                Self.checkIn(cache, to: second)
            }
        }

        private static func checkOut(_ slot: borrowing Mutex<State>) -> StemCache? {
            slot.withLock { state -> StemCache? in
                switch consume state {
                case .unused:
                    state = .checkedOut
                    return StemCache()
                case .available(let cache):
                    state = .checkedOut
                    return cache
                case .checkedOut:
                    state = .checkedOut
                    return nil
                }
            }
        }

        private static func checkIn(_ cache: consuming StemCache, to slot: borrowing Mutex<State>) {
            // A closure cannot consume what it captures; an optional it empties can.
            var returning: StemCache? = consume cache
            slot.withLock { state in
                if let cache = returning.take() { state = .available(cache) }
            }
        }
    }
}
