import Foundation

/// Replaces the names of an incident's vendors in customer text with one neutral word ("proveedor externo"), so a
/// customer document names no vendor anywhere: not in the waits table, not in the root cause, not in the timeline.
struct VendorNameMask {
    /// Spellings of each vendor as text writes them: `vendor:telco-andina` is "telco andina", "telco-andina",
    /// "telcoandina" and "telco_andina", longest first so a longer name is replaced before a part of it.
    let spellings: [String]
    let neutral: String
    /// The neutral phrase's words, lower-cased: one of them just before a name is absorbed into the replacement.
    var neutralWords: Set<String> { Set(neutral.lowercased().split(separator: " ").map(String.init)) }

    /// A mask for the vendors among `targets` (escalation targets; only `vendor:NAME` ones count).
    init(targets: [String], neutral: String) {
        var spellings: Set<String> = []
        for target in targets where target.lowercased().hasPrefix("vendor:") {
            let words = target.dropFirst("vendor:".count).split { $0 == "-" || $0 == "_" || $0 == " " }.map(String.init)
            guard !words.isEmpty else { continue }
            for separator in [" ", "-", "_", ""] { spellings.insert(words.joined(separator: separator)) }
        }
        self.spellings = spellings.filter { $0.count >= 3 }.sorted { ($0.count, $0) > ($1.count, $1) }
        self.neutral = neutral
    }

    /// `text` with every whole-word occurrence of a vendor's name (any case, any accents) replaced.
    func apply(_ text: String) -> String {
        guard !spellings.isEmpty else { return text }
        var result = text
        for spelling in spellings {
            var searchStart = result.startIndex
            while let range = result.range(of: spelling, options: [.caseInsensitive, .diacriticInsensitive],
                                           range: searchStart..<result.endIndex) {
                let before = range.lowerBound == result.startIndex ? nil : result[result.index(before: range.lowerBound)]
                let after = range.upperBound == result.endIndex ? nil : result[range.upperBound]
                let isWord = !(before?.isLetter ?? false) && !(before?.isNumber ?? false)
                    && !(after?.isLetter ?? false) && !(after?.isNumber ?? false)
                if isWord {
                    // "del proveedor Telco Andina" is "del proveedor externo", not "del proveedor proveedor externo".
                    var start = range.lowerBound
                    let head = result[..<start]
                    if head.hasSuffix(" ") {
                        let body = head.dropLast()
                        let wordStart = body.lastIndex { $0 == " " || $0 == "\n" }.map(body.index(after:)) ?? body.startIndex
                        if neutralWords.contains(body[wordStart...].lowercased()) { start = wordStart }
                    }
                    let opensSentence = result[..<start].trimmingCharacters(in: .whitespaces).last.map { ".!?:;\n".contains($0) } ?? true
                    let replacement = opensSentence ? neutral.prefix(1).uppercased() + neutral.dropFirst() : neutral
                    result.replaceSubrange(start..<range.upperBound, with: replacement)
                    searchStart = result.index(start, offsetBy: replacement.count)
                } else {
                    searchStart = range.upperBound
                }
            }
        }
        return result
    }
}
