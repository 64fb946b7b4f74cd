import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A stored document read member by member, decompressed only as far as asked, gives what SQL's `doc ->>` gives and
/// what decoding the whole ticket gives: whatever the member order, spacing and escapes of the line it was imported from.
@Suite struct StoredDocumentReaderTests {
    /// Lines whose members a prefix reader could get wrong: the root cause after the events, escapes in names' values,
    /// nested containers holding braces and quotes in strings, null members, spaces everywhere.
    static let awkward = [
        #"{"events":[{"at":"2026-03-02T09:20:00-03:00","kind":"escalation","author":"ana","text":"Caso {abierto} [con] \"proveedor\"","to":"Vendor:Telco-Andina"}],"id":"T-AWK-1","title":"Ca\u00edda del portal","severity":1,"status":"closed","created_at":"2026-03-02T09:14:00-03:00","resolved_at":"2026-03-02T11:14:00-03:00","articles":["KB-0004","KB-0010"],"root_cause":"Certificado \"vencido\" en el balanceador \\ proxy\nsegunda l\u00ednea","resolution":null}"#,
        #"  {  "id" : "T-AWK-2" , "title" : "Sin servicio" , "severity" : 2 , "status" : "closed" , "created_at" : "2026-03-03T10:00:00Z" , "extra" : { "nota" : "}{][" , "x" : "\\\"" } , "events" : [ { "at" : "2026-03-03T10:05:00Z" , "kind" : "comment" , "text" : "[" } ] , "root_cause" : "Disco lleno" }  "#,
        #"{"id":"T-AWK-3","title":"Sin causa","severity":3,"status":"closed","created_at":"2026-03-04T10:00:00Z","events":[]}"#,
    ]

    static let names: [StaticString] = ["id", "title", "description", "root_cause", "resolution", "created_at", "resolved_at",
                                         "customer", "missing"]

    @Test func membersReadAsTheDocColumnAndTheTicketGiveThem() throws {
        let lines = StoredDocumentTests.lines + Self.awkward
        let directory = try TemporaryDirectory()
        let file = try directory.write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        #expect(try TicketImporter(store: store).importFiles([file.path]).totals.inserted == lines.count)

        let reader = StoredDocumentReader()
        let columns = Self.names.map { "doc ->> '$.\($0)'" }.joined(separator: ", ")
        var read = 0
        try store.connection.prepare("SELECT packed, \(columns) FROM tickets ORDER BY rowid").forEachRow { row in
            let expected = Self.names.indices.map { row.optionalText(Int32($0 + 1)) }
            try row.withBlob(0) { packed in
                // Asked in another order than written, and twice: found where the scan stopped, or already seen.
                try reader.start(packed)
                defer { reader.finish() }
                for index in Array(Self.names.indices.reversed()) + Array(Self.names.indices) {
                    #expect(try reader.string(Self.names[index]) == expected[index], "\(Self.names[index]) of \(expected[0] ?? "")")
                }
                let ticket = try Store.decodeStored(packed)
                #expect(try reader.articleIDs() == ticket.articles)
                let targets = ticket.events.filter { $0.kind == .escalation }.compactMap(\.to)
                #expect(try reader.escalationTargets() == targets)
                #expect(try reader.vendorEscalationTargets() == targets.filter { $0.lowercased().hasPrefix("vendor:") })
            }
            read += 1
        }
        #expect(read == lines.count)
    }

    /// The excerpts similarity queries list, read from one decompression each, are what the SQL of each field gave.
    @Test func excerptsAreTheDocColumnsFields() throws {
        let long = String(repeating: "Descripción larga 😀 ", count: 230)
        let lines = StoredDocumentTests.lines + Self.awkward + [
            #"{"id":"T-LONG-1","title":"Portal caído","description":"\#(long)","severity":1,"status":"closed","created_at":"2026-03-05T10:00:00Z","root_cause":"Portal","events":[]}"#,
        ]
        let directory = try TemporaryDirectory()
        let file = try directory.write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        _ = try TicketImporter(store: store).importFiles([file.path])
        let expected = try store.connection.prepare("""
            SELECT t.id, t.doc ->> '$.title', t.service, t.severity, t.status, t.customer, t.channel, t.doc ->> '$.created_at',
                   t.doc ->> '$.resolved_at', t.doc ->> '$.root_cause', t.doc ->> '$.resolution',
                   substr(t.doc ->> '$.description', 1, 4000)
            FROM tickets t WHERE t.status = 'closed' ORDER BY t.rowid DESC
            """).map { row in
            Store.TicketExcerpt(
                id: row.text(0), title: row.optionalText(1) ?? "", service: row.optionalText(2), severity: row.int(3),
                status: row.text(4), customer: row.optionalText(5), channel: row.optionalText(6),
                createdAt: row.optionalText(7).flatMap(Timestamp.init(iso8601:)),
                resolvedAt: row.optionalText(8).flatMap(Timestamp.init(iso8601:)), rootCause: row.optionalText(9),
                resolution: row.optionalText(10), description: row.optionalText(11) ?? "", score: 0)
        }
        let words = ["portal", "llamadas", "contrasena", "caido", "sin"]
        let match = MatchExpression(text: words.joined(separator: " OR "), phrases: words.map { .init(text: $0, isPrefix: false) })
        let excerpts = try store.latestClosedMatches(match, before: nil, limit: 10_000,
                                                     excluding: "", createdBefore: Timestamp(seconds: Int64.max))
        #expect(excerpts.count > 20)
        #expect(excerpts.contains { $0.id == "T-LONG-1" && $0.description.unicodeScalars.count == 4_000 })
        let byID = Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0) })
        for excerpt in excerpts { #expect(byID[excerpt.id] == excerpt, "\(excerpt.id)") }
    }

    @Test(arguments: [0, 1, 3_999, 4_000, 4_001, 9_000])
    func descriptionExcerptsCountCharactersAsSQL(length: Int) throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let text = String((0..<length).map { ["a", "é", "😀", "ñ"][$0 % 4] }.joined())
        let sql = try store.connection.prepare("SELECT substr(?, 1, 4000)").first([text]) { $0.text(0) }
        #expect(Store.excerptOfDescription(text) == sql)
    }

    @Test func aDocumentIsDecodedOnlyAsFarAsItsMembersAreRead() throws {
        // Events that differ from one another, so that no single match of the compressor covers them all.
        let events = (0..<300).map { #"{"at":"2026-03-02T09:20:00-03:00","kind":"comment","text":"paso \#($0 * 7_919 % 10_007) de \#($0)"},"# }
        let line = #"{"id":"T-1","title":"Corto","root_cause":"Primero","events":["# + events.joined()
            + #"{"at":"2026-03-02T09:20:00-03:00","kind":"closed"}],"resolution":"Al final"}"#
        let block = BlockCompressor.compress(Array(line.utf8))
        let reader = StoredDocumentReader()
        try block.withUnsafeBufferPointer { block in
            try reader.start(block)
            defer { reader.finish() }
            #expect(try reader.string("root_cause") == "Primero")
            #expect(reader.decodedCount < line.utf8.count / 4)
            #expect(try reader.string("resolution") == "Al final")
            #expect(reader.decodedCount == line.utf8.count)
            #expect(try reader.string("title") == "Corto")
        }
    }

    @Test(arguments: [("vendor:telco", true), ("x VENDOR:y", true), ("Vendor:", true), ("vendor :x", false), ("endor:", false),
                      ("vendo:r", false), ("", false), ("09:20:00", false)])
    func vendorNamesAreFoundInAnyCase(text: String, found: Bool) {
        #expect(Array(text.utf8).withUnsafeBufferPointer(StoredDocumentReader.containsVendorName) == found)
    }

    @Test func aDamagedDocumentIsAnError() throws {
        let text = Array(#"{"id":"T-1","title":"Una línea de texto que se comprime bien bien bien bien","root_cause":"x"}"#.utf8)
        var block = BlockCompressor.compress(text)
        block.removeLast(3)
        let reader = StoredDocumentReader()
        #expect(throws: StoreError.self) {
            try block.withUnsafeBufferPointer { block in
                try reader.start(block)
                defer { reader.finish() }
                _ = try reader.string("root_cause")
            }
        }
        let notAnObject = BlockCompressor.compress(Array(#"["id","T-1","title","root_cause"]"#.utf8))
        #expect(throws: StoreError.self) {
            try notAnObject.withUnsafeBufferPointer { block in
                try reader.start(block)
                defer { reader.finish() }
                _ = try reader.string("id")
            }
        }
    }
}
