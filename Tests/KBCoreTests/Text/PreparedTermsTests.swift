import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Terms analysed ahead of time must index exactly what analysing the texts while writing would.
@Suite struct PreparedTermsTests {
    static let texts = [
        "No carga el portal: ERR-401 tras el cambio de contraseña",
        "Desde las 9:00 los usuarios ven la pantalla en blanco (v2.3, db-01).",
        "",
        "Causa raíz: certificado vencido en el balanceador",
        "Revisando\nSe reinició el servicio\nCliente confirma que funciona",
    ]

    @Test(arguments: Language.allCases)
    func replayGivesTheAnalyzersTokens(language: Language) {
        let analyzer = Analyzer(language: language)
        let prepared = PreparedTerms(texts: Self.texts, language: language) { text, emit in analyzer.analyze(text, emit) }
        for (index, text) in Self.texts.enumerated() {
            var replayed: [AnalyzedToken] = []
            prepared.replay(index) { term, start, end in
                replayed.append(AnalyzedToken(term: String(decoding: term, as: UTF8.self), byteRange: start ..< end))
                return true
            }
            #expect(replayed == analyzer.tokens(text))
        }
    }

    @Test func replayStopsWhenAsked() {
        let analyzer = Analyzer()
        let prepared = PreparedTerms(texts: [Self.texts[0]], language: .spanish) { text, emit in analyzer.analyze(text, emit) }
        var count = 0
        prepared.replay(0) { _, _, _ in
            count += 1
            return count < 2
        }
        #expect(count == 2)
    }

    /// Two stores fed the same tickets, one with every row analysed ahead: identical posting lists and totals.
    @Test func indexIsTheSameWithAndWithoutPreparedTerms() throws {
        let directory = try TemporaryDirectory()
        let plain = try Store(path: directory.url.appendingPathComponent("plain.sqlite").path)
        let prepared = try Store(path: directory.url.appendingPathComponent("prepared.sqlite").path)
        defer {
            try? plain.close()
            try? prepared.close()
        }
        let source = prepared.tokenizer.source(for: nil)
        try plain.connection.transaction {
            try prepared.connection.transaction {
                for index in 0..<20 {
                    var ticket = try Ticket(json: JSONParser().parse(TicketFixtures.line(id: "T-\(index)")), timeZoneCheck: { _ in true })
                    ticket.description = Self.texts[index % Self.texts.count]
                    ticket.rootCause = Self.texts[(index + 3) % Self.texts.count]
                    try plain.upsert(ticket)
                    var writer = JSONWriter()
                    ticket.write(to: &writer)
                    var record = TicketRecord(ticket, document: writer.bytes)
                    record.preparedTerms = PreparedTerms(texts: record.searchTexts, language: .spanish, source: source)
                    _ = try prepared.upsert(record)
                }
            }
        }
        let expected = try TicketPostingsTests.storedPostings(plain)
        #expect(!expected.isEmpty)
        #expect(try TicketPostingsTests.storedPostings(prepared) == expected)
        #expect(try prepared.ticketIndexTotals() == plain.ticketIndexTotals())
        try TicketPostingsTests.expectInStep(prepared)
    }
}
