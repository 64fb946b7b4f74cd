import Foundation

/// Chooses the words of a long text (a new ticket, a document) that find texts like it, as Lucene's MoreLikeThis
/// does: every word of the text is scored by tf·idf (its count in the text times its idf among the tickets) and the
/// best `maximumTerms` are kept.
///
/// - Function words of Spanish and English, and the conversational words of a support request (who writes, when,
///   how urgent: "podemos", "equipo", "mañana", "urgente", "please", "team") are never chosen: they say nothing about
///   what fails, and a rare one would otherwise outrank the topic ("trabajar" over "VPN"). Nor are times of day
///   (`16:10`, `Analyzer.isClockTime`): rare as terms, they would find the tickets that began at the same minute.
/// - Words found in more than `frequentShare` of tickets are not chosen (they match most of the store and rank
///   nothing), except names and codes: a word written with a capital inside a sentence or in capitals (`VPN`,
///   `WhatsApp`, `Excel`) or holding a digit (`ERR-401`, `app-01`), which name the product or the error; and except
///   when fewer than `minimumTerms` words would be left (a small store), when the best frequent ones fill in.
/// - A word is counted in every language the tickets use (`QueryBuilder.additionalLanguages`), so an English
///   request finds English tickets in a Spanish workspace; a word no ticket holds is not chosen.
public struct MoreLikeThis {
    /// At most this many words are chosen.
    public var maximumTerms = 10
    /// Words in more tickets than this share are not chosen (names and codes excepted).
    public var frequentShare = 0.2

    /// Frequent words are chosen, best first, when fewer than this many other words are.
    static let minimumTerms = 2

    let builder: QueryBuilder
    let statistics: TermStatistics
    let ignored: Set<String>

    /// A chosen word with its evidence.
    public struct Term: Sendable, Equatable {
        public let word: QueryBuilder.Word
        /// Times it occurs in the text.
        public let count: Int
        /// Tickets holding it (in the language where it is most frequent).
        public let documentFrequency: Int
        /// Whether it names a product or a code (see the type's documentation).
        public let isName: Bool
        public let score: Double
    }

    public init(builder: QueryBuilder, statistics: TermStatistics) {
        self.init(builder: builder, statistics: statistics, ignored: Self.ignoredTerms(builder))
    }

    /// A selection whose ignored terms the caller computed with `ignoredTerms(_:)` for this `builder`, once for many
    /// requests: analysing the ≈ 500 ignored words was ≈ 5% of a suggest.
    public init(builder: QueryBuilder, statistics: TermStatistics, ignored: Set<String>) {
        self.builder = builder
        self.statistics = statistics
        self.ignored = ignored
    }

    /// The terms `builder` makes of the words never chosen (`ignoredWords`).
    public static func ignoredTerms(_ builder: QueryBuilder) -> Set<String> {
        var ignored: Set<String> = []
        for word in ignoredWords {
            ignored.formUnion(builder.terms(in: word))
        }
        return ignored
    }

    /// Words never chosen: function words of Spanish and English and conversational words.
    static let ignoredWords = StopWords.spanish + StopWords.english + conversationalWords

    /// Words of a support request that describe the request rather than the problem, and function words beyond the
    /// query-time lists (`StopWords`), in Spanish and English.
    static let conversationalWords: [String] = [
        // Spanish: greetings and courtesy, who and when, urgency, auxiliaries and pronouns.
        "hola", "buenos", "buenas", "dias", "tardes", "noches", "saludos", "gracias", "favor", "estimados", "estimado",
        "atentamente", "cordialmente", "urgente", "urgencia", "ayuda", "ayudar", "ayuden", "asistencia", "necesito",
        "necesitamos", "necesaria", "necesario", "podemos", "puedo", "pueden", "podria", "podrian", "poder", "pudo",
        "tenemos", "tengo", "tener", "tiene", "tienen", "tenia", "hay", "estamos", "estoy", "estar", "estado", "esta",
        "estan", "estaba", "estaban", "he", "has", "hemos", "han", "habia", "haber", "sido", "sea", "sean", "seria",
        "hacer", "hace", "hecho", "debe", "deben", "deberia", "parece", "nuestro", "nuestra", "nuestros", "nuestras",
        "usted", "ustedes", "todo", "toda", "todos", "todas", "nada", "algun", "alguna", "ningun", "ninguna", "cada",
        "mas", "menos", "ni", "tan", "tambien", "tampoco", "todavia", "aun", "ya", "asi", "aqui", "alli", "luego",
        "equipo", "trabajar", "trabajo", "hoy", "ayer", "mañana", "tarde", "ahora", "siempre", "nunca", "rato",
        "momento", "vez", "veces", "cliente", "clientes", "tema", "solo", "sigue", "seguimos", "gustaria", "quisiera",
        "espero", "esperamos", "agradezco", "agradeceria", "antemano", "inmediata", "inmediato", "posible",
        // English: the same, plus function words.
        "hello", "hi", "dear", "thanks", "thank", "please", "regards", "best", "kind", "sincerely", "urgent", "urgently",
        "help", "assist", "assistance", "need", "needs", "we", "us", "our", "ours", "can", "may", "might", "team",
        "today", "yesterday", "morning", "since", "now", "still", "everyone", "anyone", "work", "working", "issue",
        "customer", "support", "would", "could", "should", "shall", "must", "also", "very", "much", "many", "some",
        "any", "such", "only", "own", "other", "another", "each", "every", "than", "been", "being", "having", "done",
        "doing", "however", "appreciate", "look", "forward", "soon", "possible", "immediate", "immediately",
    ]

    /// The best words of `text`, best first (ties: alphabetical), at most `maximumTerms`.
    public func terms(in text: String) throws -> [Term] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        var originals: [String: String] = [:]
        var names: Set<String> = []
        var copy = text
        copy.withUTF8 { bytes in
            var previousEnd = 0
            builder.termSource(bytes) { term, start, end in
                let analysed = String(decoding: term, as: UTF8.self)
                if counts[analysed] == nil {
                    order.append(analysed)
                    originals[analysed] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                }
                counts[analysed, default: 0] += 1
                if MoreLikeThis.isName(bytes, start: start, end: end, previousEnd: previousEnd) { names.insert(analysed) }
                previousEnd = end
                return true
            }
        }
        let limit = Int(Double(statistics.documentCount) * frequentShare)
        var scored: [Term] = []
        var frequent: [Term] = []
        for term in order where !ignored.contains(term) && !Analyzer.isClockTime(term) && (term.utf8.count > 1 || names.contains(term)) {
            let word = QueryBuilder.Word(original: originals[term]!, term: term)
            let frequency = try documentFrequency(of: word)
            let isName = names.contains(term)
            guard frequency > 0 else { continue }
            let idf = RankFunction.idf(documentFrequency: frequency, documentCount: max(statistics.documentCount, 1))
            let chosen = Term(word: word, count: counts[term]!, documentFrequency: frequency, isName: isName,
                              score: Double(counts[term]!) * idf)
            if frequency <= max(limit, 1) || isName { scored.append(chosen) } else { frequent.append(chosen) }
        }
        let byScore: (Term, Term) -> Bool = { $0.score != $1.score ? $0.score > $1.score : $0.word.term < $1.word.term }
        scored.sort(by: byScore)
        // On a small store most words are "frequent": the best of them make up a selection of at least two.
        if scored.count < Self.minimumTerms {
            scored += frequent.sorted(by: byScore).prefix(Self.minimumTerms - scored.count)
        }
        return Array(scored.prefix(maximumTerms))
    }

    /// The word's ticket count in the language where it is most frequent: its own analysis, or another language's.
    private func documentFrequency(of word: QueryBuilder.Word) throws -> Int {
        var frequency = try statistics.documentFrequency(word)
        for language in builder.additionalLanguages {
            let marked = QueryLanguageMark.marking(word.original, as: language)
            let terms = builder.terms(in: marked)
            guard terms.count == 1, terms[0] != word.term else { continue }
            frequency = max(frequency, try statistics.documentFrequency(QueryBuilder.Word(original: marked, term: terms[0])))
        }
        return frequency
    }

    /// Whether the token at `start..<end` names a product or a code: it holds a digit, is in capitals (two letters
    /// or more), or starts with a capital inside a sentence.
    static func isName(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, previousEnd: Int) -> Bool {
        var capitals = 0
        var letters = 0
        for index in start..<end {
            let byte = bytes[index]
            if (0x30...0x39).contains(byte) { return true }
            if (0x41...0x5A).contains(byte) { capitals += 1 }
            if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { letters += 1 }
        }
        if capitals >= 2 && capitals == letters { return true }
        guard (0x41...0x5A).contains(bytes[start]) else { return false }
        // A capital after a sentence's end (or at the text's start) is just the sentence's first word.
        var index = start - 1
        while index >= previousEnd, index >= 0 {
            switch bytes[index] {
            // `.`, `!`, `?`, `:`, a line break, or the last byte of `¿` and `¡`.
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "\n"), 0xBF, 0xA1:
                return false
            default:
                index -= 1
            }
        }
        return previousEnd > 0
    }
}
