/// Builds `TicketProfile`s: analyses a ticket's texts, leaves out function words, numbers and personal data, and
/// weighs the rest by tf·idf.
struct TicketProfiler {
    static let defaultTermsPerTicket = 6
    /// Cause terms kept per ticket: a root cause and a resolution together say more than a title.
    static let defaultCauseTermsPerTicket = 8

    var termsPerTicket = TicketProfiler.defaultTermsPerTicket
    var causeTermsPerTicket = TicketProfiler.defaultCauseTermsPerTicket
    /// How many times a title word counts against a description word (and a root-cause word against a resolution word).
    var titleBoost = 3
    /// Applied to every text before analysis, so names, phones and addresses (which differ from ticket to ticket)
    /// do not make similar problems look different.
    var redactor = Redactor()
    let analyzer: Analyzer
    let idf: (String) throws -> Double
    /// Function words, analysed like the text; in a small or young index their idf is high by chance
    /// and they would decide which tickets look alike.
    let stopTerms: Set<String>

    /// The spellings seen for each kept term, to show terms as words rather than stems.
    private(set) var spellings: [String: [String: Int]] = [:]

    init(analyzer: Analyzer, idf: @escaping (String) throws -> Double) {
        self.analyzer = analyzer
        self.idf = idf
        stopTerms = Set(analyzer.terms(TicketProfiler.stopWords))
    }

    /// Spanish and English function words (articles, prepositions, pronouns, auxiliaries), and the words of a
    /// resolution that says nothing about the problem ("Resuelto.", "Solved, thanks"): shared by unrelated
    /// tickets, they would make them look alike.
    static let stopWords = """
        el la los las lo un una unos unas de del al a ante con contra en entre hacia hasta para por según sin \
        sobre tras desde durante y e o u ni que qué se no sí si ya muy más menos pero como cómo cuando cuándo \
        donde dónde es son era eran fue fueron ser está están estaba estar esta este estos estas ese esa eso esos \
        esas hay ha han había hace porque pues aunque sino entonces mientras su sus mi mis tu tus nos les le me te todo toda todos todas otro otra también \
        the a an of to in on at for with from by and or but not no is are was were be been being it its this that \
        these those as we our you your they their i my me he she his her them there when since after before \
        resuelto resuelta solucionado solucionada cerrado cerrada gracias ok listo solved resolved fixed closed thanks done
        """

    /// The profile of a ticket's texts.
    mutating func profile(title: String, description: String, tags: [String], rootCause: String,
                          resolution: String) throws -> TicketProfile {
        var symptomVocabulary = Set<String>(), causeVocabulary = Set<String>()
        let symptoms = try heaviest([(title, titleBoost), (description, 1), (tags.joined(separator: " "), 1)],
                                    keep: termsPerTicket, all: &symptomVocabulary)
        let causes = try heaviest([(rootCause, titleBoost), (resolution, 1)], keep: causeTermsPerTicket, all: &causeVocabulary)
        return TicketProfile(symptoms: symptoms, causes: causes, causeVocabulary: causeVocabulary,
                             allTerms: symptomVocabulary.union(causeVocabulary))
    }

    /// The characteristic terms of `text`, analysed and filtered as a profile's (for an article's text).
    func terms(_ text: String) -> Set<String> {
        Set(analyzer.terms(text).filter(isCharacteristic))
    }

    /// The spelling most often written for `term` (the term itself when never seen).
    func spelling(of term: String) -> String {
        guard let forms = spellings[term] else { return term }
        // Most frequent first; equal counts go to the smaller spelling in byte order.
        let ranked = forms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return ranked.first?.key ?? term
    }

    /// The `keep` heaviest terms by tf·idf over `texts` (each counted `boost` times), heaviest first (ties by
    /// term); every characteristic term goes into `all`.
    private mutating func heaviest(_ texts: [(text: String, boost: Int)], keep: Int,
                                   all: inout Set<String>) throws -> [TicketProfile.WeightedTerm] {
        var frequency: [String: Int] = [:]
        var firstSpelling: [String: (text: Int, range: Range<Int>)] = [:]
        let redacted = texts.map { redactor.redact($0.text) }
        for (position, text) in redacted.enumerated() {
            for token in analyzer.tokens(text) where isCharacteristic(token.term) {
                frequency[token.term, default: 0] += texts[position].boost
                if firstSpelling[token.term] == nil { firstSpelling[token.term] = (position, token.byteRange) }
            }
        }
        all.formUnion(frequency.keys)
        var weighted: [TicketProfile.WeightedTerm] = []
        for (term, count) in frequency { weighted.append(.init(term: term, weight: Double(count) * (try idf(term)))) }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        let top = Array(weighted.prefix(keep))
        // Spellings are kept only for terms that may be shown: a cluster's signature holds its members' top terms.
        for kept in top {
            guard let (text, range) = firstSpelling[kept.term] else { continue }
            let surface = String(decoding: Array(redacted[text].utf8)[range], as: UTF8.self).lowercased()
            spellings[kept.term, default: [:]][surface, default: 0] += 1
        }
        return top
    }

    /// False for function words, single letters, and numbers, dates, times, versions and codes more digit than
    /// or as much as letter (`504`, `01/07/2025`, `v4.21.3`, `0a4d8c`), which differ between similar tickets or say nothing about
    /// the problem; `utf8mb4` or `5xx` stay.
    func isCharacteristic(_ term: String) -> Bool {
        guard term.utf8.count > 1, !stopTerms.contains(term) else { return false }
        var letters = 0, digits = 0
        for byte in term.utf8 {
            if ScanByte.isLetter(byte) || byte >= 0x80 { letters += 1 } else if ScanByte.isDigit(byte) { digits += 1 }
        }
        return letters > digits
    }
}
