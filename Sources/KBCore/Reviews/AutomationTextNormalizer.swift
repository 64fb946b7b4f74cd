/// Turns the short texts automation mining compares (actions, evidence requests, root causes, request
/// titles) into term lists in which different wordings of the same thing coincide.
///
/// ## Rule
/// 1. The text goes through the workspace's ``Analyzer`` (lower case, Snowball stem, accents folded,
///    codes such as `ERR-401` kept whole).
/// 2. Function words are dropped: ``functionWords``, analysed with the same analyzer so they match
///    their own stems. This list is used only here: the search index keeps every word.
/// 3. Single letters and *variable numbers* are dropped: terms made only of digits and joiners
///    (`2026-03-02`, `10.0.0.1`, `16:10`, case numbers, minutes), which differ from one incident to the next.
///    Three-digit numbers stay: they are status codes (`404`, `503`) that name the problem.
/// 4. Word stems are cut to their first ``stemPrefixLength`` characters; codes are kept whole.
///    Snowball's Spanish stemmer gives `reinici` for *reinicio* and *reiniciamos* but `reinic`
///    for *reinició*, so without the cut a past-tense wording would be a different action.
/// 5. Repeated terms are kept once, in text order.
///
/// Before steps 2–4, an entry of one of the workspace's synonym groups (`kb/synonyms.txt`, the groups
/// search expands queries with; the longest entry wins at each position) becomes one term naming its
/// group (`≈12`), so "clave", "contraseña" and "password", or "certificado TLS" and "certificado SSL",
/// say the same thing here as they do in search.
///
/// "Reinicio del servicio de colas", "se reinició el servicio de colas" and "Reiniciamos el
/// servicio de colas" all become `reinic servic ≈N` (with `servicio de colas` in a group).
struct AutomationTextNormalizer: Sendable {
    /// Spanish and English function words that carry no action: articles, prepositions, pronouns, conjunctions.
    static let functionWords = [
        "a", "al", "con", "de", "del", "el", "en", "es", "la", "las", "le", "les", "lo", "los", "nos", "o",
        "para", "por", "que", "se", "su", "sus", "un", "una", "unas", "unos", "y",
        "an", "and", "at", "by", "for", "from", "in", "is", "it", "of", "on", "the", "to", "was", "we", "with",
    ]

    /// Characters of a word stem kept for comparison.
    static let stemPrefixLength = 6

    /// Folded words that mark a support comment as a request for evidence from the customer.
    ///
    /// Raw words, not stems: "envíe" asks for something, "enviamos" reports it, and both stem to `envi`.
    static let evidenceRequestWords: Set<String> = [
        "captura", "capturas", "pantallazo", "pantallazos", "screenshot", "screenshots", "log", "logs", "har",
        "adjunte", "adjunten", "adjuntar", "adjuntarnos", "adjuntenos", "envie", "envien", "envienos", "enviar",
        "enviarnos", "attach", "send",
    ]

    let analyzer: Analyzer
    private let droppedStems: Set<String>
    /// Analysed synonym entry → the term naming its first group.
    private let synonymGroup: [[String]: String]
    private let longestSynonym: Int

    /// A normalizer over the analyzer of `language`; `synonyms` must be analysed with the same language.
    init(language: Language, synonyms: Synonyms = .empty) {
        analyzer = Analyzer(language: language)
        var dropped = Set<String>()
        for word in Self.functionWords {
            for term in analyzer.terms(word) { dropped.insert(term) }
        }
        droppedStems = dropped
        var groupOf: [[String]: String] = [:]
        for (index, group) in synonyms.groups.enumerated() {
            for entry in group where !entry.isEmpty && groupOf[entry] == nil { groupOf[entry] = "≈" + String(index) }
        }
        synonymGroup = groupOf
        longestSynonym = groupOf.keys.map(\.count).max() ?? 0
    }

    /// The normalised terms of a text, each once, in text order.
    func terms(_ text: String) -> [String] {
        var text = text
        var analysed: [String] = []
        text.withUTF8 { utf8 in
            analyzer.analyze(utf8) { term, _, _ in
                analysed.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        var result: [String] = []
        var seen = Set<String>()
        var position = 0
        while position < analysed.count {
            var matched = false
            var length = min(longestSynonym, analysed.count - position)
            while length > 0 && !synonymGroup.isEmpty {
                if let group = synonymGroup[Array(analysed[position..<position + length])] {
                    if seen.insert(group).inserted { result.append(group) }
                    position += length
                    matched = true
                    break
                }
                length -= 1
            }
            if matched { continue }
            var term = analysed[position]
            let normalized = term.withUTF8 { normalize($0) }
            if let normalized, seen.insert(normalized).inserted { result.append(normalized) }
            position += 1
        }
        return result
    }

    /// Whether a comment asks the customer for evidence (captures, logs, a HAR file, attachments).
    func requestsEvidence(_ text: String) -> Bool {
        var text = text
        var found = false
        text.withUTF8 { utf8 in
            analyzer.analyze(utf8) { _, start, end in
                let word = AccentFolding.fold(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
                if Self.evidenceRequestWords.contains(word) {
                    found = true
                    return false
                }
                return true
            }
        }
        return found
    }

    /// One analyzer term after steps 2–4 of the rule, or nil when it is dropped.
    private func normalize(_ term: UnsafeBufferPointer<UInt8>) -> String? {
        var hasDigit = false
        var onlyDigitsAndJoiners = true
        for byte in term {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: ":"): break
            default: onlyDigitsAndJoiners = false
            }
        }
        if hasDigit {
            if onlyDigitsAndJoiners && !(term.count == 3 && !term.contains(where: { $0 < 48 || $0 > 57 })) { return nil }
            return String(decoding: term, as: UTF8.self)
        }
        let word = String(decoding: term, as: UTF8.self)
        if droppedStems.contains(word) { return nil }
        let scalars = word.unicodeScalars
        if scalars.count < 2 { return nil }
        if scalars.count <= Self.stemPrefixLength { return word }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars.prefix(Self.stemPrefixLength))
        return String(prefix)
    }
}
