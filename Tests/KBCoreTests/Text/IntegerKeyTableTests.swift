import Testing
import KBTestSupport
@testable import KBCore

/// The lookup table language detection reads trigrams and function words from answers exactly as the dictionary it
/// is built from: every key, key 0, colliding keys and absent keys.
@Suite struct IntegerKeyTableTests {
    @Test(arguments: [0, 1, 3, 100, 5_000])
    func answersAsTheDictionary(count: Int) {
        var generator = SeededGenerator(seed: 0x7AB1E + UInt64(count))
        var entries: [UInt64: Int] = [:]
        while entries.count < count {
            // Small keys and keys differing only in their high bits land on the same slots.
            let key = generator.chance(0.5) ? UInt64.random(in: 0...64, using: &generator) : UInt64.random(in: 0...UInt64.max, using: &generator) << 40
            entries[key] = Int.random(in: -1_000...1_000, using: &generator)
        }
        let table = IntegerKeyTable(entries)
        for (key, value) in entries { #expect(table[key] == value, "key \(key)") }
        for _ in 0..<2_000 {
            let key = UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            #expect(table[key] == entries[key], "key \(key)")
        }
    }

    /// The detector's tables hold what their sources list.
    @Test func detectorTablesAreComplete() {
        #expect(LanguageDetector.FunctionWords.table[FNV1a.hash64("de")] != nil)
        #expect((LanguageDetector.FunctionWords.table[FNV1a.hash64("the")] ?? 0) & LanguageDetector.FunctionWords.english != 0)
        #expect(LanguageDetector.Trigrams.table[0] == nil)
    }
}
