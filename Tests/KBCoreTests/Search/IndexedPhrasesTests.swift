import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Phrases of several words the ticket index lists as terms of their own (`IndexedPhrases`, `Store.indexPhrases`): their
/// counts are the phrase matches FTS5 and `PhraseLocator` find, lists built afterwards equal lists kept while importing,
/// and queries read them instead of the tickets' texts, ranking exactly as before.
@Suite struct IndexedPhrasesTests {
    /// Texts (title first) with phrases that overlap themselves, repeat, cross no column, and start at every place.
    static let texts: [[String]] = [
        ["De la central de la red", "La caída de la central no funciona; no funciona nada", "", "De la", "la"],
        ["Zanahoria zanahoria zanahoria", "zanahoria", "fuera de", "servicio", "Fuera de servicio, fuera de servicio"],
        ["No funciona", "No, funciona", "no  funciona", "NO FUNCIONÓ", "sin servicio de la red de la central"],
    ]
    static let phrases = ["de la", "no funciona", "zanahoria zanahoria", "fuera de servicio", "de la central", "sin servicio"]

    /// Each phrase's occurrences per text are `PhraseLocator`'s hits on the same text, in the title and in the others.
    @Test(arguments: texts.indices)
    func occurrencesAreThoseThePhraseLocatorFinds(text: Int) throws {
        let tokenizer = TokenizerContext(language: .spanish, sources: Store.defaultTermSources)
        let source = tokenizer.source(for: .spanish)
        let analysed = Self.phrases.map { PhraseLocator.queryTerms($0, tokenizer: tokenizer) }
        let indexed = IndexedPhrases(phrases: analysed)
        let prepared = PreparedTerms(texts: Self.texts[text], language: .spanish, source: source)
        var counted: [String: [Bool: Int]] = [:]
        indexed.forEachOccurrence(in: prepared) { phrase, inTitle in
            counted[String(decoding: indexed.keys[phrase], as: UTF8.self), default: [:]][inTitle, default: 0] += 1
        }
        let match = MatchExpression(text: Self.phrases.map(QueryBuilder.quote).joined(separator: " OR "),
                                    phrases: Self.phrases.map { .init(text: $0, isPrefix: false) })
        let locator = PhraseLocator(match: match, tokenizer: tokenizer)
        var located: [String: [Bool: Int]] = [:]
        for hit in locator.hits(in: Self.texts[text].map { Array($0.utf8) }, source: source) {
            located[IndexedPhrases.key(of: analysed[Int(hit.phrase)]), default: [:]][hit.column == 0, default: 0] += 1
        }
        #expect(counted == located)
        #expect(!counted.isEmpty)
    }

    /// A phrase that cannot be listed (one word, or none) is left out; the same phrase twice is listed once.
    @Test func onlyPhrasesOfSeveralWordsAreListed() {
        let phrases = IndexedPhrases(phrases: [[Array("portal".utf8)], [], [Array("no".utf8), Array("funcion".utf8)],
                                               [Array("no".utf8), Array("funcion".utf8)]])
        #expect(phrases.keys.map { String(decoding: $0, as: UTF8.self) } == [" no funcion"])
        #expect(IndexedPhrases.terms(ofKey: " no funcion") == [Array("no".utf8), Array("funcion".utf8)])
    }

    /// Lists built from the stored tickets (`kb index` after the synonyms file gained the phrases) are the lists an import
    /// keeps when the phrases were listed before it, block for block; dropping phrases removes their lists and nothing
    /// else, and both stores stay in step with FTS5's phrase matches.
    @Test func listsBuiltLaterEqualListsKeptWhileImporting() throws {
        let directory = try TemporaryDirectory()
        let lines = TicketPostingsTests.lines(count: 400)
        let before = try Store(path: directory.url.appendingPathComponent("before.sqlite").path, language: .spanish)
        let after = try Store(path: directory.url.appendingPathComponent("after.sqlite").path, language: .spanish)
        defer {
            try? before.close()
            try? after.close()
        }
        let listed = try before.indexPhrases(TicketPostingsTests.phraseTexts)
        #expect(listed.added == TicketPostingsTests.phraseTexts.sorted { IndexedPhrases.key(of: PhraseLocator.queryTerms($0, tokenizer: before.tokenizer)) < IndexedPhrases.key(of: PhraseLocator.queryTerms($1, tokenizer: before.tokenizer)) })
        #expect(listed.ticketsRead == 0 && listed.indexed == TicketPostingsTests.phraseTexts.count)
        _ = try TicketPostingsTests.importLines(lines, into: before, in: directory)
        _ = try TicketPostingsTests.importLines(lines, into: after, in: directory)
        let built = try after.indexPhrases(TicketPostingsTests.phraseTexts)
        #expect(built.added.count == TicketPostingsTests.phraseTexts.count && built.removed.isEmpty)
        #expect(built.ticketsRead > 0 && built.ticketsRead < 400)
        let blocks = "SELECT term, last_rowid, data FROM ticket_postings ORDER BY term, last_rowid"
        func rows(_ store: Store) throws -> [String] {
            try store.connection.prepare(blocks).map { row in
                row.text(0) + "|\(row.int64(1))|" + row.withBlob(2) { $0.map { String($0) }.joined(separator: ",") }
            }
        }
        #expect(try rows(before) == rows(after))
        #expect(try before.connection.scalarInt("SELECT count(DISTINCT term) FROM ticket_postings WHERE term LIKE ' %'") >= 4)
        try TicketPostingsTests.expectInStep(after)
        // Asking again changes nothing; asking for fewer drops the others' lists only.
        #expect(try after.indexPhrases(TicketPostingsTests.phraseTexts).changed == false)
        let kept = Array(TicketPostingsTests.phraseTexts.prefix(3))
        let dropped = try after.indexPhrases(kept)
        #expect(dropped.added.isEmpty && dropped.removed.count == TicketPostingsTests.phraseTexts.count - 3 && dropped.indexed == 3)
        let remaining = try after.connection.prepare("SELECT DISTINCT term FROM ticket_postings WHERE term LIKE ' %' ORDER BY term").map { $0.text(0) }
        let keptKeys = try after.connection.prepare("SELECT key FROM ticket_phrases ORDER BY key").map { $0.text(0) }
        #expect(keptKeys.count == 3 && Set(remaining).isSubset(of: keptKeys))
        try TicketPostingsTests.expectInStep(after)
        // Words' lists are untouched by both.
        #expect(try rows(after).filter { !$0.hasPrefix(" ") } == rows(before).filter { !$0.hasPrefix(" ") })
    }

    /// A listed phrase is matched from its list: a matcher allowed no text at all still counts it, and counts what the
    /// unlisted phrase counts reading texts.
    @Test func listedPhrasesAreMatchedWithoutTheirTexts() throws {
        let directory = try TemporaryDirectory()
        let store = try TicketMatcherTests.storeOfScatteredWords(directory)
        defer { try? store.close() }
        var unlisted = try TicketMatcher(match: TicketMatcherTests.fueraDeServicio, store: store, textChecks: 0)
        #expect(throws: TicketMatcher.TextChecksExhausted.self) { try unlisted.count() }
        let read = try TicketMatcherTests.matches(store, TicketMatcherTests.fueraDeServicio)
        _ = try store.indexPhrases(["fuera de servicio"])
        var listed = try TicketMatcher(match: TicketMatcherTests.fueraDeServicio, store: store, textChecks: 0)
        var found: [Int64] = []
        while let rowid = try listed.next() { found.append(rowid) }
        #expect(found == read && found == [3, 1])
        // Its group's document frequency needs no text either.
        let statistics = try TermStatistics(store: store)
        statistics.textCheckBudget = 0
        let idf = try statistics.idf(ofGroup: [.init(text: "fuera de servicio", isPrefix: false), .init(text: "caído", isPrefix: false)])
        #expect(idf == RankFunction.idf(documentFrequency: 3, documentCount: 5))
    }

    /// Ranking with the synonyms' phrases listed gives what it gives without (ids, scores, order), pruned and scoring every
    /// match, on stores whose scores crowd together.
    @Test(arguments: [UInt64(3), 4])
    func rankingIsTheSameWithPhrasesListed(seed: UInt64) throws {
        let plain = try TemporaryDirectory()
        let listed = try TemporaryDirectory()
        let (plainStore, plainEngine) = try CrowdedRankingTests.crowdedStore(plain, seed: seed)
        let (listedStore, listedEngine) = try CrowdedRankingTests.crowdedStore(listed, seed: seed, listingPhrases: true)
        defer {
            try? plainStore.close()
            try? listedStore.close()
        }
        #expect(try listedStore.connection.scalarInt("SELECT count(*) FROM ticket_phrases") == 2)
        var compared = 0
        for query in ["caída", "caída del portal", "caída llamada cliente", "servicio caída", "\"fuera de servicio\""] {
            for mode in [QueryMode.any, .all] {
                guard let match = try plainEngine.ticketMatch(for: query, mode: mode) else { continue }
                for limit in [1, 10, 50] {
                    var filters = SearchFilters()
                    filters.limit = limit
                    for exhaustive in [false, true] {
                        let expected = try plainEngine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: exhaustive)
                        let found = try listedEngine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: exhaustive)
                        #expect(found.map(\.id) == expected.map(\.id), "'\(query)' \(mode) limit \(limit)")
                        #expect(found.map(\.score) == expected.map(\.score), "'\(query)' \(mode) limit \(limit)")
                        compared += expected.isEmpty ? 0 : 1
                    }
                }
            }
        }
        #expect(compared >= 20)
    }
}
