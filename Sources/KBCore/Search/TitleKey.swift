/// A ticket's title as one number, kept in `tickets.title_key`: the fingerprint of its analysed terms, in order, and
/// of the language that analysed them.
///
/// Ranking's whole-title match (`TicketRescorer`) favours a ticket whose whole title a query holds, word for word and
/// in order; the key lets a search find those tickets directly, whatever their BM25 rank (`SearchEngine.rank`): the
/// title a query holds is one of its runs of consecutive terms, so the keys of those runs, looked up in an index, name
/// every such ticket. Two titles with the same terms in the same language share a key; a different title sharing one
/// by chance only costs a rescoring, since the match itself is checked on the ticket's text.
///
/// Stored values depend on it: a change needs a migration that recomputes every key.
struct TitleKey {
    /// The fingerprint's input: the language's code, then each term followed by a zero byte (no term holds one).
    private var bytes: [UInt8]
    private var termCount = 0

    init(language: Language) {
        bytes = Array(language.rawValue.utf8)
        bytes.append(0)
    }

    /// Adds the title's next term.
    mutating func append(_ term: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: term)
        bytes.append(0)
        termCount += 1
    }

    /// The key of the terms so far.
    var value: Int64 {
        bytes.withUnsafeBufferPointer { DocumentFingerprint.value($0) }
    }

    /// The key of the terms so far as a title's: nil when there are none (a title without terms has no key).
    private var titleValue: Int64? {
        termCount > 0 ? value : nil
    }

    /// The key of the title (text 0) of `terms`, analysed in their language; nil for a title without terms.
    static func of(_ terms: PreparedTerms) -> Int64? {
        var key = TitleKey(language: terms.language)
        terms.forEachTerm(ofText: 0) { key.append($0) }
        return key.titleValue
    }

    /// Whether `runs(of:language:longest:starts:)` over `termCount` terms yields every run of them, so a title whose key
    /// is not among its keys is held by no run: true when no run is longer than `longest` or starts past `starts`.
    static func runsCoverEveryRun(termCount: Int, longest: Int, starts: Int) -> Bool {
        termCount <= min(longest, starts)
    }

    /// The keys of every run of consecutive `terms` (analysed in `language`) of at most `longest` terms, starting within
    /// the first `starts` terms: the keys of the titles a query of these terms holds whole. Distinct, in no particular
    /// order.
    static func runs(of terms: [String], language: Language, longest: Int, starts: Int = .max) -> Set<Int64> {
        var keys = Set<Int64>()
        for start in terms.indices.prefix(starts) {
            var key = TitleKey(language: language)
            for end in start..<min(terms.count, start + longest) {
                var term = terms[end]
                term.withUTF8 { key.append($0) }
                keys.insert(key.value)
            }
        }
        return keys
    }
}
