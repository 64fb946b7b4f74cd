import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// `kb_rank` (BM25 with idfs from the vocabulary table) and exact top-k ranking with MaxScore pruning.
@Suite struct SearchRankingTests {
    /// A store of generated tickets, upserted in the order given.
    /// `count` generated tickets stored in creation order, `reversed`, or shuffled with `shuffleSeed`.
    static func makeStore(_ directory: TemporaryDirectory, count: Int, reversed: Bool = false,
                          shuffleSeed: UInt64? = nil) throws -> (Store, SearchEngine) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        var tickets: [Ticket] = []
        TicketGenerator(seed: 5).writeJSONLines(count: count) { line in
            if let json = try? JSONParser().parse(line), let ticket = try? Ticket(json: json) { tickets.append(ticket) }
        }
        if reversed { tickets.reverse() }
        if let shuffleSeed {
            var random = SeededGenerator(seed: shuffleSeed)
            tickets.shuffle(using: &random)
        }
        try store.connection.transaction {
            for ticket in tickets { _ = try store.upsert(ticket) }
        }
        try FullTextOracle.build(store)
        let builder = QueryBuilder(termSource: Store.defaultTermSources[.spanish]!, synonyms: { term in
            term == "contrasen" ? ["clave", "inicio de sesión"] : []
        })
        return (store, try SearchEngine(store: store, builder: builder))
    }

    static let queries = [
        "contraseña caducada", "no carga el portal", "llamadas entrantes cortadas", "reporte de estadísticas",
        "webchat", "error 500 al exportar", "certificado expirado en el portal",
    ]

    /// Given each phrase's idf, kb_rank scores every row exactly as FTS5's bm25() with the same weights, including
    /// phrases of several words (counted by FTS5) and prefix phrases.
    @Test(arguments: [QueryMode.any, .all, .phrase, .prefix])
    func rankEqualsBM25(mode: QueryMode) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 300)
        defer { try? store.close() }
        var compared = 0
        for query in Self.queries {
            guard let match = engine.builder.match(words: engine.builder.words(in: query), mode: mode) else { continue }
            let idfs = RankFunction.idfArgument(try match.phrases.map { phrase in
                let terms = phrase.isPrefix ? [] : engine.builder.terms(in: phrase.text)
                return terms.count == 1 ? try engine.statistics.idf(QueryBuilder.Word(original: phrase.text, term: terms[0])) : nil
            })
            let rows = try store.connection.prepare("""
                SELECT rowid, kb_rank(tickets_fts, '1.5 1 1 1 1', ?, 0), -bm25(tickets_fts, 1.5, 1, 1, 1, 1), kb_rank(tickets_fts, '1.5 1 1 1 1', '')
                FROM tickets_fts WHERE tickets_fts MATCH ?
                """).map([idfs, match.text]) { ($0.int64(0), $0.double(1), $0.double(2), $0.double(3)) }
            for row in rows {
                #expect(abs(row.1 - row.2) <= 1e-9 * max(1, abs(row.2)), "\(query) rowid \(row.0): \(row.1) vs bm25 \(row.2)")
                #expect(abs(row.3 - row.2) <= 1e-9 * max(1, abs(row.2)), "counted idfs differ for \(query)")
            }
            compared += rows.count
        }
        #expect(compared > 10)
    }

    /// With a proximity weight, of two tickets holding the same words the same number of times in texts of the
    /// same length, the one where they stand together ranks first; without it (plain BM25) they tie.
    @Test func proximityRanksNeighbouringWordsFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        try store.registerOnce("kb_rank", RankFunction.register(on:))
        let texts = [
            "T-1": "el cliente indica que la contraseña del portal caducada ayer no permite entrar hoy",
            "T-2": "la contraseña caducada del cliente indica que el portal ayer no permite entrar hoy",
            "T-3": "otra consulta sin relación con el tema de hoy ni con nada parecido en absoluto",
        ]
        for (id, text) in texts.sorted(by: { $0.key < $1.key }) {
            let line = TicketFixtures.line(id: id, title: "Consulta", extra: "").replacingOccurrences(
                of: "La pantalla queda en blanco", with: text)
            _ = try store.upsert(Ticket(json: JSONParser().parse(line)))
        }
        try FullTextOracle.build(store)
        let rows = { (proximity: Double) in
            try store.connection.prepare("""
                SELECT t.id, kb_rank(tickets_fts, '1 1 1 1 1', '', ?) FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
                WHERE tickets_fts MATCH '"contraseña" OR "caducada"' ORDER BY t.id
                """).map([proximity]) { ($0.text(0), $0.double(1)) }
        }
        let plain = try rows(0)
        let near = try rows(0.5)
        #expect(plain.map(\.0) == ["T-1", "T-2"])
        #expect(abs(plain[0].1 - plain[1].1) < 1e-12)
        #expect(near[1].1 > near[0].1)
        #expect(near[0].1 > plain[0].1)
    }

    /// The phrase list follows FTS5's numbering: synonyms expand into phrases of their own, in order.
    @Test func phrasesIncludeSynonymsInOrder() throws {
        let builder = QueryBuilder(termSource: Store.defaultTermSources[.spanish]!, synonyms: { term in
            term == "contrasen" ? ["clave", "inicio de sesión"] : []
        })
        let match = try #require(builder.match(words: builder.words(in: "portal contraseña"), mode: .any))
        #expect(match.phrases.map(\.text) == ["portal", "contraseña", "clave", "inicio de sesión"])
        #expect(match.text == #""portal" OR ("contraseña" OR "clave" OR "inicio de sesión")"#)
    }

    static let prunedQueries = queries + [
        "portal", "contraseña", "problema de sonido con el portal", "cliente no puede iniciar sesión en la central",
        "falla de la troncal sip llamadas", "correo rebotado", "exportar reporte mensual de estadísticas del portal",
        "la clave del webchat no funciona desde ayer", "error", "llamadas",
    ]

    /// MaxScore pruning returns exactly what ranking every match returns: the same tickets, scores and order, for
    /// every query and limit, with and without filters (a period, whatever the import order; a status).
    @Test(arguments: [false, true])
    func prunedRankingEqualsRankingEveryMatch(reversed: Bool) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 1_500, reversed: reversed)
        defer { try? store.close() }
        let days = try store.connection.prepare("SELECT created_at FROM tickets ORDER BY created_at").map { $0.int64(0) }
        var period = SearchFilters()
        period.since = Timestamp(seconds: days[days.count / 4])
        period.until = Timestamp(seconds: days[days.count / 2])
        var closed = SearchFilters()
        closed.statuses = ["closed"]
        var compared = 0
        for query in Self.prunedQueries {
            for mode in [QueryMode.any, .all] {
                let words = try engine.statistics.selective(engine.builder.words(in: query))
                guard let match = engine.builder.match(words: words, mode: mode) else { continue }
                for var filters in [SearchFilters(), period, closed] {
                    for limit in [1, 3, 10, 40] {
                        filters.limit = limit
                        let pruned = try engine.searchTickets(match: match, filters: filters, snippets: false)
                        let every = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true)
                        #expect(pruned.map(\.id) == every.map(\.id), "\(query) \(mode) limit \(limit)")
                        #expect(pruned.map(\.score) == every.map(\.score), "\(query) \(mode) limit \(limit)")
                        compared += every.count
                    }
                }
            }
        }
        #expect(compared > 1_000)
    }

    /// Pruning is exact because no term adds more than its bound to a score: check the bound against every row.
    @Test func upperBoundsHoldForEveryRow() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 500)
        defer { try? store.close() }
        for query in Self.prunedQueries {
            guard let match = engine.builder.match(words: engine.builder.words(in: query), mode: .any) else { continue }
            let terms = try engine.rankedTerms(match)
            var filters = SearchFilters()
            filters.limit = 10_000
            let total = terms.reduce(0) { $0 + $1.bound }
            for hit in try engine.rank(match, filters: filters, exhaustive: true) {
                #expect(hit.score < total, "\(query): \(hit.score) ≥ bound \(total)")
            }
        }
    }

    /// A word and its synonyms are one query term: a ticket saying the synonym scores as one saying the word
    /// (same length, same count), and a group of several synonyms weighs no more than one word, so the rare word
    /// of "problema de sonido" decides the order, not the synonyms of "problema".
    @Test func synonymGroupCountsAsOneTerm() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        var lines: [String] = []
        // Generated tickets about sound ("sin audio") would rightly compete with the one below: leave them out.
        TicketGenerator(seed: 11).writeJSONLines(count: 400) { line in
            if !line.lowercased().contains("audio") && !line.lowercased().contains("muda") { lines.append(line) }
        }
        lines += [
            TicketFixtures.line(id: "T-SOUND", title: "Problema de sonido Dell XPS"),
            TicketFixtures.line(id: "T-FALLA", title: "Falla en el portal web"),
            TicketFixtures.line(id: "T-ERROR", title: "Error en el portal web"),
        ]
        lines += (0..<40).map { TicketFixtures.line(id: "T-E\($0)", title: "Error falla fallo problema failure en el portal") }
        try store.connection.transaction {
            for line in lines { _ = try store.upsert(Ticket(json: JSONParser().parse(line))) }
        }
        let language = store.tokenizer.language
        let synonyms = try Synonyms(parsing: DefaultSynonyms.text, analyzer: Analyzer(language: language))
        let builder = QueryBuilder(termSource: store.tokenizer.source(for: nil), synonyms: { term in
            synonyms.alternatives(for: term).compactMap { synonyms.spelling(of: $0) }
        })
        let engine = try SearchEngine(store: store, builder: builder)
        var filters = SearchFilters()
        filters.type = .ticket
        let hits = try engine.search("problema de sonido", filters: filters).results
        let found = hits.map(\.id)
        #expect(found.prefix(3).contains("T-SOUND"), "\(hits.map { ($0.id, $0.title, $0.score) })")
        filters.limit = 500
        let portal = try engine.search("falla", filters: filters).results
        let falla = try #require(portal.first { $0.id == "T-FALLA" })
        let error = try #require(portal.first { $0.id == "T-ERROR" })
        #expect(abs(falla.score - error.score) < 1e-9)
    }

    /// Results without snippets (intake) carry the same tickets and scores, with empty snippets.
    @Test func snippetsCanBeSkipped() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 100)
        defer { try? store.close() }
        let match = try #require(engine.builder.match(words: engine.builder.words(in: "portal contraseña"), mode: .any))
        let with = try engine.searchTickets(match: match, filters: SearchFilters())
        let without = try engine.searchTickets(match: match, filters: SearchFilters(), snippets: false)
        #expect(!with.isEmpty)
        #expect(with.map(\.id) == without.map(\.id))
        #expect(with.map(\.score) == without.map(\.score))
        #expect(with.allSatisfy { $0.snippet.contains(SearchEngine.highlightStart) })
        #expect(without.allSatisfy { $0.snippet.isEmpty })
    }
}

/// The constant-time ticket count kb keeps with the index's totals agrees with `count(*)`, and the totals with FTS5's,
/// through imports, updates, rollbacks and savepoints.
@Suite struct IndexedTicketCountTests {
    @Test func agreesWithCountThroughImportsUpdatesAndRollbacks() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        #expect(try store.indexedTicketCount() == 0)
        var tickets: [Ticket] = []
        TicketGenerator(seed: 9).writeJSONLines(count: 300) { line in
            if let ticket = try? Ticket(json: JSONParser().parse(line)) { tickets.append(ticket) }
        }
        try store.connection.transaction { for ticket in tickets.prefix(200) { _ = try store.upsert(ticket) } }
        #expect(try store.indexedTicketCount() == 200)
        var changed = tickets[3]
        changed.title += " (actualizado)"
        _ = try store.upsert(changed)
        #expect(try store.indexedTicketCount() == 200)
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try store.connection.transaction {
                for ticket in tickets.suffix(100) { _ = try store.upsert(ticket) }
                throw Abort()
            }
        }
        #expect(try store.indexedTicketCount() == 200)
        try store.connection.transaction { for ticket in tickets.suffix(100) { _ = try store.upsert(ticket) } }
        #expect(try store.indexedTicketCount() == store.ticketCount())
        #expect(try store.indexedTicketCount() == 300)
        try expectFullTextTotals(store)
        // Inside a transaction the totals count what it has not written yet; a savepoint rolled back takes its own away.
        try store.connection.transaction {
            var replaced = tickets[5]
            replaced.description += " con muchas palabras nuevas en la descripción"
            _ = try store.upsert(replaced)
            #expect(throws: Abort.self) {
                try store.connection.savepoint {
                    for ticket in tickets.prefix(20) {
                        var copy = ticket
                        copy.id += "-copia"
                        _ = try store.upsert(copy)
                    }
                    #expect(try store.indexedTicketCount() == 320)
                    throw Abort()
                }
            }
            #expect(try store.indexedTicketCount() == 300)
        }
        try expectFullTextTotals(store)
    }

    private func expectFullTextTotals(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try FullTextOracle.build(store)
        let totals = try store.ticketIndexTotals()
        let indexed = try Store.fullTextIndexTotals(store.connection)
        #expect(totals.rows == indexed.rows && totals.tokens == indexed.tokens, "kb \(totals), FTS5 \(indexed)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ([0x00], 0), ([0x7F], 127), ([0x81, 0x00], 128), ([0x83, 0xE8, 0x00], 62_464), ([0x87, 0x68], 1_000),
    ] as [([UInt8], Int64)])
    func readsVarints(bytes: [UInt8], value: Int64) {
        #expect(Store.varints(bytes + [0x05]) == [value, 5])
    }

    /// A time of day is one term: of tickets that differ only by the time their first sentence gives, the query's time
    /// finds its own ticket first, though its text is the longest and the others' times repeat its numbers ("10:16",
    /// "16:16", "10:10"), which two separate numbers ranked above it.
    @Test(arguments: ["Plantillas de WhatsApp no se envían desde las 16:10", "mensajes salientes 16:10"])
    func timeOfDaySinglesOutItsTicket(query: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let times = ["10:16", "16:16", "10:10", "16:48", "11:10", "16:10", "09:16", "10:01"]
        try store.connection.transaction {
            for (index, time) in times.enumerated() {
                let rest = time == "16:10" ? " Los entrantes sí llegan hoy." : " Los entrantes sí llegan."
                try store.upsert(TicketTitleMatchTests.ticket("T-\(index + 1)", title: "Plantillas de WhatsApp no se envían",
                                                              description: "Desde las \(time) los mensajes salientes fallan.\(rest)"))
            }
            for index in 0..<100 {
                try store.upsert(TicketTitleMatchTests.ticket("T-\(100 + index)", title: "El portal no carga",
                                                              description: "Pantalla en blanco desde las 10:\(10 + index % 40)"))
            }
        }
        let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!))
        let match = try #require(try engine.ticketMatch(for: query))
        let results = try engine.searchTickets(match: match, filters: TitledTicketTests.filters(), snippets: true)
        #expect(results.first?.id == "T-6", "\(results.map { "\($0.id) \($0.score)" })")
        // The time alone finds only its ticket, and its snippet marks the time as one match.
        let time = try engine.searchTickets(match: try #require(try engine.ticketMatch(for: "16:10")), filters: TitledTicketTests.filters())
        #expect(time.map(\.id) == ["T-6"])
        #expect(time.first?.snippet.contains("\(SearchEngine.highlightStart)16:10\(SearchEngine.highlightEnd)") == true)
    }
}

/// Document frequencies on large stores: estimated from a word's most recent matches when it is common, exact when rare.
@Suite struct TermStatisticsSamplingTests {
    @Test func estimatesCommonWordsAndCountsRareOnesExactly() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_000)
        defer { try? store.close() }
        let exact = engine.statistics
        let sampled = try TermStatistics(store: store)
        sampled.samplingThreshold = 0
        sampled.sampledMatches = 100
        let vocabulary = try store.connection.prepare("SELECT term, doc FROM tickets_vocab ORDER BY doc DESC, term")
            .map { ($0.text(0), $0.int(1)) }
        var checkedCommon = 0
        var checkedRare = 0
        for (term, count) in vocabulary where term.allSatisfy(\.isLetter) {
            // The indexed term is its own spelling only when re-analysing it gives it back.
            guard engine.builder.terms(in: term) == [term] else { continue }
            let word = QueryBuilder.Word(original: term, term: term)
            #expect(try exact.documentFrequency(word) == count)
            let estimate = try sampled.documentFrequency(word)
            if count >= 200 {
                #expect(abs(estimate - count) <= count / 4, "\(term): estimated \(estimate), exact \(count)")
                checkedCommon += 1
            } else if count < 100 {
                #expect(estimate == count, "\(term): words with fewer matches than sampled are counted exactly")
                checkedRare += 1
            }
        }
        #expect(checkedCommon >= 5)
        #expect(checkedRare >= 5)
    }

    /// FTS5's answer to the estimate: the newest `limit` matches of `expression` counted, the lowest rowid among them
    /// found, and the count scaled by the share of the rowids they span (as kb estimated with FTS5 before its posting
    /// lists counted).
    static func fullTextEstimate(_ store: Store, _ expression: String, limit: Int, documents: Int) throws -> Int {
        let sample = try store.connection.prepare("""
            SELECT count(*), coalesce(min(rowid), 0) FROM
                (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
            """).first([expression, limit]) { ($0.int(0), $0.int64(1)) } ?? (0, 0)
        guard sample.0 >= limit else { return sample.0 }
        let newest = try store.connection.scalarInt("SELECT max(rowid) FROM tickets")
        let first = try store.connection.scalarInt("SELECT min(rowid) FROM tickets")
        let density = Double(documents) / Double(max(1, newest - first + 1))
        let spanned = max(1.0, Double(Int64(newest) - sample.1 + 1) * density)
        return min(documents, Int((Double(sample.0) * Double(documents) / spanned).rounded()))
    }

    /// Groups of phrases (a word and its synonyms, some of several words, a prefix) are counted from the posting lists
    /// as FTS5 counts their matches, exactly on small stores and, sampled, with FTS5's own estimate; single words'
    /// samples give FTS5's estimate too.
    @Test func groupsAndSamplesCountAsFullTextIndexDoes() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_200)
        defer { try? store.close() }
        let sampled = try TermStatistics(store: store)
        sampled.samplingThreshold = 0
        sampled.sampledMatches = 60
        let documents = try store.indexedTicketCount()
        var groups = 0
        var severalWords = 0
        for query in SearchRankingTests.queries + ["contraseña olvidada", "inicio de sesión", "clave portal"] {
            for mode in [QueryMode.any, .prefix, .phrase] {
                guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
                for term in 0...(match.phrases.map(\.term).max() ?? 0) {
                    let phrases = match.phrases.filter { $0.term == term }
                    let expression = QueryBuilder.either(phrases)
                    let count = try store.connection.scalarInt("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?", [expression])
                    #expect(try engine.statistics.idf(ofGroup: phrases) == RankFunction.idf(documentFrequency: count, documentCount: documents),
                            "\(expression): FTS5 counts \(count)")
                    let estimate = try Self.fullTextEstimate(store, expression, limit: 60, documents: documents)
                    #expect(try sampled.idf(ofGroup: phrases) == RankFunction.idf(documentFrequency: estimate, documentCount: documents),
                            "\(expression): FTS5 estimates \(estimate)")
                    groups += 1
                    if phrases.contains(where: { PhraseLocator.queryTerms($0.text, tokenizer: store.tokenizer).count > 1 }) { severalWords += 1 }
                    if phrases.count == 1, !phrases[0].isPrefix, case let terms = engine.builder.terms(in: phrases[0].text), terms.count == 1 {
                        let word = QueryBuilder.Word(original: phrases[0].text, term: terms[0])
                        #expect(try sampled.documentFrequency(word) == Self.fullTextEstimate(store, QueryBuilder.quote(phrases[0].text),
                                                                                             limit: 60, documents: documents))
                    }
                }
            }
        }
        #expect(groups >= 30)
        #expect(severalWords >= 10)
    }

    /// Counting a group with a phrase of several words reads at most `textCheckBudget` texts: with a small budget the
    /// count is the matches found above where it stopped, scaled by the share of the store walked (FTS5's matches above
    /// that ticket, scaled the same way); with enough, FTS5's exact count.
    @Test func phraseGroupsReadABoundedNumberOfTexts() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_200)
        defer { try? store.close() }
        let documents = try store.indexedTicketCount()
        let newest = try store.connection.scalarInt("SELECT max(rowid) FROM tickets")
        var estimated = 0
        for text in ["inicio de sesión", "no funciona", "the customer"] {
            let phrases = [MatchExpression.Phrase(text: text, isPrefix: false)]
            let expression = QueryBuilder.either(phrases)
            let exact = try store.connection.scalarInt("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?", [expression])
            #expect(try engine.statistics.idf(ofGroup: phrases) == RankFunction.idf(documentFrequency: exact, documentCount: documents))
            let bounded = try TermStatistics(store: store)
            bounded.textCheckBudget = 20
            // Where a matcher allowed 20 texts stops: the 21st ticket holding all the phrase's words.
            let words = engine.builder.words(in: text).map { QueryBuilder.quote($0.original) }.joined(separator: " AND ")
            let candidates = try store.connection.prepare("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC")
                .map([words]) { $0.int64(0) }
            guard candidates.count > 20 else { continue }
            let stop = candidates[20]
            let above = try store.connection.scalarInt("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid > ?",
                                                       [expression, stop])
            let expected = min(documents, Int((Double(above) * Double(documents) / Double(newest - Int(stop))).rounded()))
            #expect(try bounded.idf(ofGroup: phrases) == RankFunction.idf(documentFrequency: expected, documentCount: documents),
                    "\(text): \(above) matches above rowid \(stop)")
            estimated += 1
        }
        #expect(estimated >= 2)
    }
}
