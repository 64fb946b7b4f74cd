import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Hostile query text through the query builder and the search engine: nothing a user types may reach FTS5
/// as syntax, so no string ever produces an FTS5 or SQL error, in any mode, for tickets or articles.
@Suite struct QueryFuzzTests {
    /// A small indexed workspace: tickets and articles in both languages, with synonyms whose spellings are hostile too.
    static func makeWorkspace() throws -> (TemporaryDirectory, Workspace) {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/synonyms.txt", """
            contraseña, clave, password, "comillas", NEAR(a b), title: x
            portal, sitio web, web*, AND
            """)
        let titles = ["No carga el login del portal", "Contraseña caducada ERR-401", "Certificado vencido en db-01",
                      "El balanceador cae a ratos v2.3", "Correo sin acción 👩‍💻 مرحبا", "AND OR NOT NEAR title:"]
        var lines = ""
        for (index, title) in titles.enumerated() {
            lines += TicketFixtures.line(id: "T-\(index)", title: title.replacingOccurrences(of: "\"", with: "\\\"")) + "\n"
        }
        try directory.write("tickets.jsonl", lines)
        try directory.write("kb/articles/portal/login.md", """
            ---
            id: KB-0001
            title: No carga la pantalla de login del portal
            state: validated
            audience: customer
            services: [portal]
            ---
            ## Problema
            El portal no carga; la contraseña caducó (ERR-401).

            ## Solución
            Restablecer la clave.
            """)
        try directory.write("kb/articles/en/mail.md", """
            ---
            id: KB-0002
            title: Mail password expired
            state: validated
            audience: customer
            services: [correo]
            language: en
            ---
            ## Problem
            The password expired.

            ## Solution
            Reset it from the portal.
            """)
        let workspace = Workspace(root: directory.url)
        let store = try workspace.openStore()
        defer { try? store.close() }
        let report = try TicketImporter(store: store).importFiles([directory.url.appendingPathComponent("tickets.jsonl").path])
        #expect(report.inserted == titles.count)
        let indexed = try store.indexArticles(try ArticleScanner.scan(root: directory.url), defaultLanguage: .spanish)
        #expect(indexed.added.count == 2)
        return (directory, workspace)
    }

    @Test func fiveThousandHostileQueriesNeverFail() throws {
        let (directory, workspace) = try Self.makeWorkspace()
        _ = directory
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var generator = SeededGenerator(seed: 0x5EA2C4)
        var matched = 0
        var searchable = 0
        for iteration in 0..<5_000 {
            let query = iteration % 250 == 0
                ? HostileText.long(using: &generator)
                : HostileText.string(using: &generator)
            let mode = QueryMode.allCases[iteration % QueryMode.allCases.count]
            do {
                let response = try engine.search(query, mode: mode)
                if response.expression != nil { searchable += 1 }
                if !response.results.isEmpty { matched += 1 }
            } catch {
                Issue.record("query #\(iteration) \(String(reflecting: query)) in mode \(mode): \(error)")
            }
        }
        // The corpus words are in most queries: a fuzz that matched nothing would test nothing.
        #expect(searchable > 4_000)
        #expect(matched > 1_000)
    }

    /// Each piece alone and in pairs, in every mode, straight through MATCH on both tables. A query that holds a
    /// word of the corpus must reach MATCH and find something: a builder that gave up on every query would
    /// otherwise pass without testing anything.
    @Test func everySyntaxPieceIsInert() throws {
        let (directory, workspace) = try Self.makeWorkspace()
        _ = directory
        // A writer: the temp schema the oracle is built in takes no writes on a reader's connection.
        let store = try workspace.openStore(.write)
        defer { try? store.close() }
        let builder = try workspace.queryBuilder(for: store)
        // Tickets have no FTS5 index of their own: an index of their text stands for one, so every expression is still
        // parsed by FTS5 as well as matched through the posting lists.
        try FullTextOracle.build(store)
        let corpusWords = ["portal", "login", "contraseña"]
        let pieces = HostileText.syntax + HostileText.unicode + HostileText.words
        var queries = pieces.map { (text: $0, holdsCorpusWord: corpusWords.contains($0)) }
        for first in HostileText.syntax { for second in corpusWords { queries.append((first + " " + second, true)) } }
        var checked = 0
        for (query, holdsCorpusWord) in queries {
            for mode in QueryMode.allCases {
                let expression = builder.expression(for: query, mode: mode)
                guard let expression else {
                    #expect(!holdsCorpusWord, "\(String(reflecting: query)) (\(mode)) built no expression")
                    continue
                }
                var rows = 0
                for table in ["tickets_fts", "articles_fts"] {
                    do {
                        rows += try store.connection.scalarInt("SELECT count(*) FROM \(table) WHERE \(table) MATCH ?", [expression])
                    } catch {
                        Issue.record("\(String(reflecting: query)) → \(String(reflecting: expression)) (\(mode), \(table)): \(error)")
                    }
                }
                // With any word allowed to match, the corpus word alone finds its tickets and articles.
                if holdsCorpusWord, mode == .any {
                    #expect(rows > 0, "\(String(reflecting: query)) → \(String(reflecting: expression)) matched nothing")
                    checked += 1
                }
            }
        }
        #expect(checked == corpusWords.count * (1 + HostileText.syntax.count))
    }
}
