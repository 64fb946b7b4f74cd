import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Tickets kept compressed read back byte for byte: the demo and a generated set, written as kb at schema version 2
/// wrote them and migrated, or imported by this kb, give every reader (`doc`, `Store.ticket`, the full-text index's
/// content, fingerprints for re-import) exactly what the JSON Lines held.
@Suite struct StoredDocumentTests {
    /// Lines as users write them, not only as kb would: other member order, spaces, escapes, extra members, English.
    static let handWritten = [
        #"{ "title" : "Caída \u00e9 del portal", "id":"T-HAND-1","severity":2,"status":"closed","created_at":"2026-03-02T09:14:00-03:00","events":[] }"#,
        TicketFixtures.line(id: "T-HAND-2", title: "Cannot cancel the subscription", extra: #""language":"en""#),
        TicketFixtures.line(id: "T-HAND-3", extra: #""extra":{"zona":"sur","prioridad_cliente":"alta"}"#),
    ]

    static var lines: [String] {
        let demo = DemoData.ticketsJSONLines.split(separator: "\n").map(String.init)
        let generator = TicketGenerator(seed: 11)
        return demo + (0..<300).map { generator.line(at: $0, count: 300) }
            .map { $0.replacingOccurrences(of: "T-0", with: "T-G") } + handWritten
    }

    @Test func migratedAndImportedStoresReadTheLinesBack() throws {
        let lines = Self.lines
        let directory = try TemporaryDirectory()
        let migratedPath = directory.url.appendingPathComponent("migrated.sqlite").path
        try VersionTwoStore.make(at: migratedPath, lines: lines)
        let migrated = try Store(path: migratedPath, access: .write)
        defer { try? migrated.close() }
        let file = try directory.write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let imported = try Store(path: directory.url.appendingPathComponent("imported.sqlite").path)
        defer { try? imported.close() }
        let first = try TicketImporter(store: imported).importFiles([file.path])
        #expect(first.totals.inserted == lines.count)

        for store in [migrated, imported] {
            #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
            try store.checkIntegrity()
            try TicketPostingsTests.expectInStep(store)
            try TitledTicketTests.expectKeysMatchTitles(store)
            for line in lines {
                var text = line
                let expected = try text.withUTF8 { try Ticket(jsonBytes: $0, timeZoneCheck: { _ in true }) }
                let row = try #require(try store.connection.prepare("SELECT doc, hash FROM tickets WHERE id = ?")
                    .first([expected.id]) { ($0.text(0), $0.int64(1)) })
                #expect(row.0 == line, "\(expected.id): the stored document is the line, byte for byte")
                #expect(row.1 == Array(line.utf8).withUnsafeBufferPointer { DocumentFingerprint.value($0) })
                #expect(try store.ticket(id: expected.id) == expected)
            }
        }
        // An index of the stored text (built by the oracle from each store) reads the same text in both, and ranks the same.
        try FullTextOracle.build(migrated)
        try FullTextOracle.build(imported)
        for query in ["portal", "contrasena", "caida", "cancel", "certificado OR vpn", "\"sin servicio\""] {
            let sql = """
                SELECT t.id, highlight(tickets_fts, 0, '[', ']'), snippet(tickets_fts, 4, '[', ']', '…', 8)
                FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
                WHERE tickets_fts MATCH ? ORDER BY bm25(tickets_fts), t.id LIMIT 20
                """
            let rows = { (store: Store) in try store.connection.prepare(sql).map([query]) { [$0.text(0), $0.text(1), $0.text(2)] } }
            #expect(try rows(migrated) == rows(imported), "\(query)")
        }
        // A fingerprint kept across the migration: importing the same lines again changes nothing.
        let again = try TicketImporter(store: migrated).importFiles([file.path])
        #expect(again.totals.unchanged == lines.count)
    }

    /// A document the store cannot decompress is refused on writing (SQLite computes `doc` from it) and reported as a
    /// corrupted store on reading, naming what is wrong.
    @Test func damagedDocumentIsReported() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        _ = try store.write { try store.upsert(Ticket(id: "T-1", title: "Caída del portal", severity: 2, status: .closed, createdAt: created)) }
        #expect(throws: SQLiteError.self) { try store.connection.execute("UPDATE tickets SET packed = x'01ff01'") }
        #expect(try store.ticket(id: "T-1")?.title == "Caída del portal")
        let damaged: [UInt8] = [1, 0xFF, 1]
        #expect(throws: StoreError.self) { try damaged.withUnsafeBufferPointer { try Store.decodeStored($0) } }
    }
}
