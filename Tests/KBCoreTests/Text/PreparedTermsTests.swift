import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Terms analysed ahead of time must index exactly what the tokenizer would, and only for the same texts.
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
            var bytes = text
            #expect(bytes.withUTF8 { prepared.index(of: $0) } == index)
        }
        var other = "texto que no está"
        #expect(other.withUTF8 { prepared.index(of: $0) } == nil)
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

    /// Two stores fed the same tickets, one with every row analysed ahead: identical vocabularies.
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
        let vocabulary = "SELECT term, doc, cnt FROM tickets_vocab ORDER BY term"
        let expected = try plain.connection.prepare(vocabulary).map { "\($0.text(0)) \($0.int(1)) \($0.int(2))" }
        #expect(!expected.isEmpty)
        #expect(try prepared.connection.prepare(vocabulary).map { "\($0.text(0)) \($0.int(1)) \($0.int(2))" } == expected)
        try prepared.connection.execute("INSERT INTO tickets_fts(tickets_fts) VALUES ('integrity-check')")
    }

    /// Prepared terms apply only to the texts they were made from, in their language.
    @Test func replayOnlyForTheSameTextAndLanguage() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let marker: TermSource = { text, emit in
            _ = "marcador".utf8CString.withUnsafeBufferPointer { chars in
                chars.withMemoryRebound(to: UInt8.self) { emit(UnsafeBufferPointer(rebasing: $0.dropLast()), 0, text.count) }
            }
        }
        func vocabulary(after texts: [String], language: Language) throws -> [String] {
            try store.connection.execute("INSERT INTO tickets_fts(tickets_fts) VALUES ('delete-all')")
            store.tokenizer.preparedTerms = PreparedTerms(texts: texts, language: language, source: marker)
            defer { store.tokenizer.preparedTerms = nil }
            try store.connection.cached("INSERT INTO tickets_fts(rowid, title) VALUES (1, ?)").execute(["hola mundo"])
            return try store.connection.prepare("SELECT term FROM tickets_vocab ORDER BY term").map { $0.text(0) }
        }
        let analysed = Analyzer(language: .spanish).terms("hola mundo").sorted()
        #expect(try vocabulary(after: ["hola mundo"], language: .spanish) == ["marcador"])
        #expect(try vocabulary(after: ["hola mundo!"], language: .spanish) == analysed)
        #expect(try vocabulary(after: ["hola mundo"], language: .english) == analysed)
    }
}
