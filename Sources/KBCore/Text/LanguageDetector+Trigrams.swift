extension LanguageDetector {
    /// Character trigrams of words (with `^` and `$` marking the word's start and end) and how much more Spanish than
    /// English each one is: ln(P(trigram | Spanish) / P(trigram | English)), clamped to ±3, for the 400 most frequent
    /// trigrams of each language's Snowball vocabulary (`trigramData`, written by `kb-bench language
    /// --write-trigrams`). Trigrams outside the table weigh nothing.
    enum Trigrams {
        /// The packed UTF-8 of a trigram → its weight.
        static let table: IntegerKeyTable<Double> = {
            var table: [UInt64: Double] = [:]
            for line in trigramData.split(separator: "\n") {
                let fields = line.split(separator: " ")
                var index = 0
                while index + 1 < fields.count {
                    if let weight = Double(fields[index + 1]) { table[key(ArraySlice(fields[index].utf8))] = weight }
                    index += 2
                }
            }
            return IntegerKeyTable(table)
        }()

        /// The bytes of a trigram packed into an integer; 0 (never a key) when longer than eight bytes.
        static func key(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            guard bytes.count <= 8 else { return 0 }
            var key: UInt64 = 0
            for byte in bytes { key = (key << 8) | UInt64(byte) }
            return key
        }
    }
}
