extension Redactor {
    /// Customer and agent names, indexed by their first folded word so a text is matched in one pass.
    struct NameIndex: Sendable {
        struct Entry: Sendable {
            var words: [String]
            var kind: Finding.Kind
        }

        /// A word of a text: folded form and byte range.
        struct Word {
            var folded: String
            var range: Range<Int>
        }

        /// Longest names first, so `Banco Austral Sur` wins over `Banco Austral`.
        let byFirstWord: [String: [Entry]]

        init(customerNames: [String], agentNames: [String]) {
            var index: [String: [Entry]] = [:]
            var seen: Set<[String]> = []
            for (kind, names) in [(Finding.Kind.customerName, customerNames), (.agentName, agentNames)] {
                for name in names {
                    let words = NameIndex.words(in: Array(name.utf8)).map(\.folded)
                    // One-letter names would hide every "a" and "y" in Spanish text.
                    guard let first = words.first, words.joined().unicodeScalars.count >= 2,
                          seen.insert(words).inserted else { continue }
                    index[first, default: []].append(Entry(words: words, kind: kind))
                }
            }
            for key in index.keys { index[key]?.sort { $0.words.count > $1.words.count } }
            byFirstWord = index
        }

        var isEmpty: Bool { byFirstWord.isEmpty }

        func find(in bytes: [UInt8], into spans: inout [Span]) {
            guard !isEmpty else { return }
            let words = NameIndex.words(in: bytes)
            var position = 0
            while position < words.count {
                guard let entries = byFirstWord[words[position].folded],
                      let entry = entries.first(where: { matches($0, words, at: position, bytes) }) else {
                    position += 1
                    continue
                }
                let last = words[position + entry.words.count - 1]
                spans.append(Span(range: words[position].range.lowerBound..<last.range.upperBound, kind: entry.kind,
                                  priority: entry.kind == .customerName ? 2 : 1))
                position += entry.words.count
            }
        }

        private func matches(_ entry: Entry, _ words: [Word], at position: Int, _ bytes: [UInt8]) -> Bool {
            guard position + entry.words.count <= words.count else { return false }
            for offset in 1..<max(entry.words.count, 1) {
                let previous = words[position + offset - 1], word = words[position + offset]
                guard word.folded == entry.words[offset] else { return false }
                // Words of one name are separated by a little punctuation or space, never a line break.
                let gap = bytes[previous.range.upperBound..<word.range.lowerBound]
                guard gap.count <= 3, !gap.contains(ScanByte.newline) else { return false }
            }
            return true
        }

        /// Splits UTF-8 into words of letters and digits (any script), folded for comparison.
        static func words(in bytes: [UInt8]) -> [Word] {
            var words: [Word] = []
            var folded = String.UnicodeScalarView()
            var start = -1
            var index = 0
            func close(at end: Int) {
                if start >= 0 {
                    words.append(Word(folded: String(folded), range: start..<end))
                    folded = String.UnicodeScalarView()
                    start = -1
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if ScanByte.isAlphanumeric(byte) {
                        if start < 0 { start = index }
                        folded.append(Unicode.Scalar(ScanByte.lowercased(byte)))
                    } else {
                        close(at: index)
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = ScanByte.scalar(in: bytes, at: index)
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if start < 0 { start = index }
                    AccentFolding.appendFolded(scalar, to: &folded)
                } else if (0x300...0x36F).contains(scalar.value), start >= 0 {
                    // A combining accent belongs to the word it follows; folding drops it.
                } else {
                    close(at: index)
                }
                index += length
            }
            close(at: bytes.count)
            return words
        }
    }
}
