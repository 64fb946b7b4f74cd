import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// `ticket_postings` holds, for every term and ticket, what an FTS5 index of the stored tickets holds (`FullTextOracle`:
/// occurrences in the title and in the other columns, the ticket's length), whatever path wrote the tickets.
@Suite struct TicketPostingsTests {
    // MARK: - Against FTS5

    /// One ticket's entry in one term's list: (title count, other columns' count, length).
    struct Entry: Equatable, CustomStringConvertible {
        var title: Int32
        var other: Int32
        var length: Int32
        var description: String { "(\(title), \(other), \(length))" }
    }

    /// What the oracle's FTS5 index holds: per term, per rowid, the counts from `fts5vocab(instance)` and the length from
    /// `tickets_fts_docsize` (one SQLite varint per column).
    /// `schema` is `main` for a store from before schema 9, whose `tickets_fts` it reads.
    static func fts5Postings(_ connection: Connection, schema: String = "temp") throws -> [String: [Int64: Entry]] {
        // `FullTextOracle.build` drops it with the index it reads.
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(\(schema), tickets_fts, instance)")
        var lengths: [Int64: Int32] = [:]
        try connection.prepare("SELECT id, sz FROM tickets_fts_docsize").forEachRow { row in
            lengths[row.int64(0)] = row.withBlob(1) { sizes in
                var offset = 0
                var total: Int32 = 0
                while offset < sizes.count { total += Int32(sqliteVarint(sizes, &offset)) }
                return total
            }
        }
        var postings: [String: [Int64: Entry]] = [:]
        try connection.prepare("SELECT term, doc, col = 'title', count(*) FROM temp.v GROUP BY term, doc, col = 'title'")
            .forEachRow { row in
                let term = row.text(0), rowid = row.int64(1)
                var entry = postings[term]?[rowid] ?? Entry(title: 0, other: 0, length: lengths[rowid] ?? -1)
                if row.int(2) == 1 { entry.title += Int32(row.int(3)) } else { entry.other += Int32(row.int(3)) }
                postings[term, default: [:]][rowid] = entry
            }
        return postings
    }

    /// SQLite's varint (FTS5's docsize): big-endian groups of seven bits, the ninth byte whole.
    static func sqliteVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<8 {
            let byte = bytes[offset]
            offset += 1
            value = value << 7 | UInt64(byte & 0x7F)
            if byte < 0x80 { return value }
        }
        value = value << 8 | UInt64(bytes[offset])
        offset += 1
        return value
    }

    /// What `ticket_postings` holds, checking each block on the way: its key is its last rowid, it holds 1 to
    /// `maximumCount` postings, and a term's blocks follow one another in ascending rowid.
    /// The postings of the phrases `keys` (`IndexedPhrases.key(of:)`) from the oracle's token positions
    /// (`fts5vocab(instance)`): per ticket, the phrase's occurrences in the title and in the other columns.
    static func fts5PhrasePostings(_ connection: Connection, keys: [String]) throws -> [String: [Int64: Entry]] {
        guard !keys.isEmpty else { return [:] }
        let words = try fts5Postings(connection)
        var tokens: [Int64: [String: [Int: String]]] = [:]
        try connection.prepare("SELECT term, doc, col, offset FROM temp.v").forEachRow { row in
            tokens[row.int64(1), default: [:]][row.text(2), default: [:]][row.int(3)] = row.text(0)
        }
        var postings: [String: [Int64: Entry]] = [:]
        for key in keys {
            let terms = key.split(separator: " ").map(String.init)
            for (rowid, columns) in tokens {
                var entry = Entry(title: 0, other: 0, length: words[terms[0]]?[rowid]?.length ?? -1)
                for (column, offsets) in columns {
                    for (offset, term) in offsets where term == terms[0]
                        && terms.indices.allSatisfy({ offsets[offset + $0] == terms[$0] }) {
                        if column == "title" { entry.title += 1 } else { entry.other += 1 }
                    }
                }
                if entry.title + entry.other > 0 { postings[key, default: [:]][rowid] = entry }
            }
        }
        return postings
    }

    static func storedPostings(_ store: Store) throws -> [String: [Int64: Entry]] {
        var postings: [String: [Int64: Entry]] = [:]
        var previous: (term: String, rowid: Int64)?
        try store.connection.prepare("SELECT term, last_rowid, data FROM ticket_postings ORDER BY term, last_rowid").forEachRow { row in
            let term = row.text(0), lastRowid = row.int64(1)
            let block = try row.withBlob(2) { try TicketPostingBlock.postings($0) }
            #expect(!block.isEmpty && block.count <= TicketPostingBlock.maximumCount, "block of \(block.count) for \(term)")
            #expect(block.last?.rowid == lastRowid, "block of \(term) keyed \(lastRowid) ends at \(block.last?.rowid ?? -1)")
            if let previous, previous.term == term, let first = block.first {
                #expect(first.rowid > previous.rowid, "blocks of \(term) overlap")
            }
            for posting in block {
                postings[term, default: [:]][posting.rowid] = Entry(title: posting.titleCount, other: posting.otherCount,
                                                                    length: posting.length)
            }
            previous = (term, lastRowid)
        }
        return postings
    }

    /// Every term's postings equal those of an FTS5 index built from the stored tickets, and the reader returns each
    /// list whole and by range.
    static func expectInStep(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try FullTextOracle.build(store)
        let expected = try fts5Postings(store.connection)
        var stored = try storedPostings(store)
        // The phrases the index lists (`IndexedPhrases`): each list as FTS5's token positions give the phrase's matches.
        let phraseKeys = try store.connection.prepare("SELECT key FROM ticket_phrases ORDER BY key").map { $0.text(0) }
        let phrases = try fts5PhrasePostings(store.connection, keys: phraseKeys)
        for key in phraseKeys {
            #expect(stored[key] ?? [:] == phrases[key] ?? [:], "phrase \(key): stored \(stored[key]?.count ?? 0), FTS5 \(phrases[key]?.count ?? 0)",
                    sourceLocation: sourceLocation)
            stored[key] = nil
        }
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
        let onlyStored = Set(stored.keys).subtracting(expected.keys).sorted()
        let onlyInFTS5 = Set(expected.keys).subtracting(stored.keys).sorted()
        #expect(onlyStored.count == 0, "terms FTS5 does not hold: \(onlyStored.prefix(5))", sourceLocation: sourceLocation)
        #expect(onlyInFTS5.count == 0, "terms without postings: \(onlyInFTS5.prefix(5))", sourceLocation: sourceLocation)
        var mismatches: [String] = []
        for (term, documents) in expected.sorted(by: { $0.key < $1.key }) where stored[term] != nil && stored[term] != documents {
            let differing = Set(documents.keys).union(stored[term]!.keys).sorted().filter { documents[$0] != stored[term]![$0] }
            mismatches.append("\(term): " + differing.prefix(3).map { "\($0) FTS5 \(documents[$0].map(String.init(describing:)) ?? "none") stored \(stored[term]![$0].map(String.init(describing:)) ?? "none")" }.joined(separator: ", "))
        }
        #expect(mismatches.count == 0, "terms whose postings differ: \(mismatches.prefix(3))", sourceLocation: sourceLocation)
        // The reader, on the longest list and a few others, whole and over a range in the middle.
        let terms = expected.sorted { $0.value.count > $1.value.count }.prefix(3).map(\.key) + expected.keys.sorted().prefix(3)
        for term in terms {
            let rowids = try #require(stored[term]).keys.sorted()
            let all = try store.ticketPostings(of: term)
            #expect(all.map(\.rowid) == rowids, sourceLocation: sourceLocation)
            #expect(all.allSatisfy { expected[term]?[$0.rowid] == Entry(title: $0.titleCount, other: $0.otherCount, length: $0.length) },
                    sourceLocation: sourceLocation)
            let range = rowids[rowids.count / 3]...rowids[rowids.count * 2 / 3]
            #expect(try store.ticketPostings(of: term, rowids: range).map(\.rowid) == rowids.filter(range.contains),
                    sourceLocation: sourceLocation)
        }
        #expect(try store.ticketPostings(of: "no-such-term-anywhere").isEmpty, sourceLocation: sourceLocation)
        // The totals kb keeps are FTS5's: its row count and its tokens over all columns.
        let totals = try store.ticketIndexTotals()
        let indexed = try Store.fullTextIndexTotals(store.connection)
        #expect(totals.rows == indexed.rows && totals.tokens == indexed.tokens, "kb \(totals), FTS5 \(indexed)",
                sourceLocation: sourceLocation)
        #expect(totals.rows == Int64(try store.ticketCount()), sourceLocation: sourceLocation)
    }

    // MARK: - Fixtures

    /// Generated Spanish tickets, with English ones among them (one told, one detected) and texts in every column.
    static func lines(count: Int, seed: UInt64 = 11, variant: Int = 0) -> [String] {
        let generator = TicketGenerator(seed: seed)
        return (0..<count).map { index in
            switch index % 7 {
            case 3:
                return TicketFixtures.line(
                    id: TicketGenerator.ticketID(at: index), title: "Billing portal keeps failing \(index % 5 + variant)",
                    extra: #""language":"en","resolution":"Restarted the billing workers and cleared the queue","root_cause":"A full disk on the billing host""#)
            case 5:
                return TicketFixtures.line(
                    id: TicketGenerator.ticketID(at: index),
                    title: "The customer cannot log in to the reporting website since this morning",
                    extra: #""resolution":"We reset the password and the user could log in again""#)
            default:
                return generator.line(at: index, count: count)
            }
        }
    }

    static func importLines(_ lines: [String], into store: Store, in directory: TemporaryDirectory, name: String = "t.jsonl",
                            strict: Bool = false) throws -> ImportReport {
        let file = try directory.write(name, lines.joined(separator: "\n") + "\n")
        return try TicketImporter(store: store).importFiles([file.path], strict: strict)
    }

    /// The term kb's analyzer makes of `word` in `language`.
    static func term(_ word: String, _ store: Store, _ language: Language = .spanish) throws -> String {
        var terms: [String] = []
        var text = word
        text.withUTF8 { utf8 in
            store.tokenizer.source(for: language)(utf8) { term, _, _ in
                terms.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return try #require(terms.first)
    }

    /// Phrases the index lists in the tests that keep phrase lists too: the demo synonyms' kind, phrases of the fixtures'
    /// titles in both languages, function-word pairs that occur several times a ticket, and a word repeated.
    static let phraseTexts = ["no funciona", "fuera de servicio", "inicio de sesión", "log in", "billing portal", "the billing",
                              "de la", "en la planta", "portal keeps failing", "sin papel", "zanahoria zanahoria"]

    static func makeStore(_ directory: TemporaryDirectory) throws -> Store {
        try Store(path: directory.url.appendingPathComponent("kb.sqlite").path, language: .spanish)
    }

    // MARK: - Maintenance

    @Test func importOfSeveralLanguagesHoldsWhatFTS5Holds() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        #expect(try store.indexPhrases(Self.phraseTexts).added.count == Self.phraseTexts.count)
        let report = try Self.importLines(Self.lines(count: 700), into: store, in: directory)
        #expect(report.inserted == 700)
        #expect(try store.ticketPostings(of: IndexedPhrases.key(of: [Array("de".utf8), Array("la".utf8)])).count > 100)
        #expect(try store.ticketLanguages() == [.english, .spanish])
        try Self.expectInStep(store)
        // Frequent terms span several blocks.
        #expect(try store.connection.scalarInt("SELECT max(n) FROM (SELECT count(*) AS n FROM ticket_postings GROUP BY term)") > 3)
    }

    @Test func reimportOfTheSameFileAndOfAChangedOneStaysInStep() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        let lines = Self.lines(count: 300)
        _ = try store.indexPhrases(Self.phraseTexts)
        _ = try Self.importLines(lines, into: store, in: directory)
        let before = try Self.storedPostings(store)
        let again = try Self.importLines(lines, into: store, in: directory)
        #expect(again.unchanged == 300)
        #expect(try Self.storedPostings(store) == before)
        // Every seventh ticket's title changes (English ones too), and new tickets come after them in the same import.
        let changed = Self.lines(count: 300, variant: 9) + Self.lines(count: 400, seed: 12).suffix(100)
        let third = try Self.importLines(changed, into: store, in: directory, name: "u.jsonl")
        #expect(third.updated > 0 && third.inserted == 100)
        try Self.expectInStep(store)
    }

    /// Upserts that replace tickets' texts, switch their language, touch one ticket twice in a transaction and insert
    /// between updates; with records analysed ahead of time, as import's reading thread does, and without.
    @Test func upsertsReplacingTextsStayInStep() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        _ = try store.indexPhrases(Self.phraseTexts)
        _ = try Self.importLines(Self.lines(count: 200), into: store, in: directory)
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        func ticket(_ index: Int, _ title: String, english: Bool) -> Ticket {
            var ticket = Ticket(id: TicketGenerator.ticketID(at: index), title: title,
                                description: english ? "The printer queue is stuck again" : "La cola de impresión está detenida otra vez",
                                severity: 3, status: .closed, createdAt: created)
            ticket.language = english ? "en" : "es"
            return ticket
        }
        for round in 0..<3 {
            try store.write {
                for index in stride(from: round, to: 200, by: 9) {
                    let changed = ticket(index, "Impresora \(round) sin papel en la planta \(index % 4)", english: index % 2 == 0)
                    if index % 3 == 0 {
                        var record = TicketRecord(canonical: changed)
                        let language = try #require(record.language)
                        record.preparedTerms = PreparedTerms(texts: record.searchTexts, language: language,
                                                             source: store.tokenizer.source(for: language))
                        #expect(try store.upsert(record) == .updated)
                    } else {
                        #expect(try store.upsert(changed) == .updated)
                    }
                    if index % 5 == 0 {
                        #expect(try store.upsert(ticket(1_000 + round * 100 + index, "Nuevo \(index)", english: false)) == .inserted)
                    }
                }
                #expect(try store.upsert(ticket(round, "Otra vez cambiado \(round)", english: round == 1)) == .updated)
            }
            try Self.expectInStep(store)
        }
        // Outside a transaction an upsert is its own.
        #expect(try store.upsert(ticket(7, "Cambio suelto", english: false)) == .updated)
        try Self.expectInStep(store)
    }

    /// Terms added in the middle of full blocks, many times over: blocks split and never hold more than twice a full one.
    @Test func blocksStayBoundedAfterManyUpdates() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        func ticket(_ index: Int, _ title: String) -> Ticket {
            Ticket(id: String(format: "B-%05d", index), title: title, description: "", severity: 3, status: .closed, createdAt: created)
        }
        // A phrase list loses tickets in the middle of its blocks as the titles change.
        _ = try store.indexPhrases(["zanahoria morada"])
        try store.write {
            for index in 0..<1_200 { try store.upsert(ticket(index, index % 4 == 0 ? "zanahoria morada" : "berenjena")) }
        }
        // Every ticket takes the term, a quarter at a time, then loses it again.
        for phase in 1..<4 {
            try store.write {
                for index in stride(from: phase, to: 1_200, by: 4) { try store.upsert(ticket(index, "zanahoria \(phase)")) }
            }
        }
        try Self.expectInStep(store)
        let carrot = try Self.term("zanahoria", store)
        #expect(try store.ticketPostings(of: carrot).count == 1_200)
        let blocks = try store.connection.prepare("SELECT data FROM ticket_postings WHERE term = ?").map([carrot]) { row in
            try row.withBlob(0) { try TicketPostingBlock.count($0) }
        }
        #expect(blocks.allSatisfy { $0 <= TicketPostingBlock.maximumCount })
        #expect(blocks.count >= 1_200 / TicketPostingBlock.maximumCount + 1)
        try store.write {
            for index in 0..<1_200 where index % 3 != 0 { try store.upsert(ticket(index, "berenjena")) }
        }
        try Self.expectInStep(store)
        #expect(try store.ticketPostings(of: carrot).map(\.rowid).allSatisfy { ($0 - 1) % 3 == 0 })
    }

    /// `kb import --strict` with a bad line writes nothing: no posting of its tickets reaches the table, then or in the
    /// next write.
    @Test func rolledBackImportLeavesNoPostings() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        _ = try store.indexPhrases(Self.phraseTexts)
        _ = try Self.importLines(Self.lines(count: 150), into: store, in: directory)
        let before = try Self.storedPostings(store)
        var bad = Self.lines(count: 400, seed: 5, variant: 3)
        bad.insert("{not json", at: 390)
        let report = try Self.importLines(bad, into: store, in: directory, name: "bad.jsonl", strict: true)
        #expect(report.rolledBack)
        #expect(try Self.storedPostings(store) == before)
        try Self.expectInStep(store)
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        try store.write { _ = try store.upsert(Ticket(id: "T-AFTER", title: "Después", severity: 3, status: .closed, createdAt: created)) }
        try Self.expectInStep(store)
    }

    /// A write that fails part-way rolls its postings back with it.
    @Test func failedWriteLeavesNoPostings() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(directory)
        defer { try? store.close() }
        _ = try Self.importLines(Self.lines(count: 50), into: store, in: directory)
        let before = try Self.storedPostings(store)
        struct Stop: Error {}
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        #expect(throws: Stop.self) {
            try store.write {
                try store.upsert(Ticket(id: "T-GONE", title: "Fantasma", severity: 3, status: .closed, createdAt: created))
                throw Stop()
            }
        }
        try store.write { _ = try store.upsert(Ticket(id: "T-KEPT", title: "Real", severity: 3, status: .closed, createdAt: created)) }
        #expect(try store.ticketPostings(of: Self.term("fantasma", store)).isEmpty)
        #expect(try Self.storedPostings(store).values.reduce(0) { $0 + $1.count } > before.values.reduce(0) { $0 + $1.count })
        try Self.expectInStep(store)
    }

    /// A store left at schema version 3 (no postings) gets them for every stored ticket when opened.
    @Test func storeAtVersionThreeMigrates() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        do {
            let store = try Store(path: path, language: .spanish)
            defer { try? store.close() }
            _ = try Self.importLines(Self.lines(count: 400), into: store, in: directory)
            try store.connection.execute("DROP TABLE ticket_postings; PRAGMA user_version = 3")
            try SchemaMigrationTests.dropTitleKeys(store.connection)
        }
        let store = try Store(path: path, access: .write, language: .spanish)
        defer { try? store.close() }
        #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        try Self.expectInStep(store)
    }

    /// A store left at schema version 4 (blocks in format 1, more than a thousand of them) has its postings written
    /// again in the current format when opened: the same postings as today's import writes.
    @Test func storeAtVersionFourMigrates() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let current: [String: [Int64: Entry]]
        do {
            let store = try Store(path: path, language: .spanish)
            defer { try? store.close() }
            _ = try Self.importLines(Self.lines(count: 700), into: store, in: directory)
            current = try Self.storedPostings(store)
            try store.connection.transaction {
                try Self.convertToVersionOne(store.connection)
                try store.connection.execute("PRAGMA user_version = 4")
                try SchemaMigrationTests.dropTitleKeys(store.connection)
            }
            #expect(try store.connection.scalarInt("SELECT count(*) FROM ticket_postings") > 1_024)
        }
        let store = try Store(path: path, access: .write, language: .spanish)
        defer { try? store.close() }
        #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        #expect(try Self.storedPostings(store) == current)
        try Self.expectInStep(store)
    }

    /// Rewrites every block of `ticket_postings` in format 1, as kb at schema version 4 held them.
    static func convertToVersionOne(_ connection: Connection) throws {
        let blocks = try connection.prepare("SELECT term, last_rowid, data FROM ticket_postings").map { row in
            (row.text(0), row.int64(1), try row.withBlob(2) { try TicketPostingBlock.postings($0) })
        }
        for (term, lastRowid, postings) in blocks {
            try connection.prepare("UPDATE ticket_postings SET data = ? WHERE term = ? AND last_rowid = ?")
                .execute([SQLValue.blob(versionOneBlock(postings)), term, lastRowid])
        }
    }

    /// Fills `ticket_postings` from what FTS5 holds, in format 1 and blocks of `capacity`, as kb at schema version 4
    /// built it.
    static func writeVersionOnePostings(_ connection: Connection) throws {
        for (term, documents) in try fts5Postings(connection, schema: "main") {
            let postings = documents.keys.sorted().map { rowid in
                TicketPosting(rowid: rowid, titleCount: documents[rowid]!.title, otherCount: documents[rowid]!.other,
                              length: documents[rowid]!.length)
            }
            for start in stride(from: 0, to: postings.count, by: TicketPostingBlock.capacity) {
                let block = Array(postings[start..<min(start + TicketPostingBlock.capacity, postings.count)])
                try connection.prepare("INSERT INTO ticket_postings(term, last_rowid, data) VALUES (?, ?, ?)")
                    .execute([term, block.last!.rowid, SQLValue.blob(versionOneBlock(block))])
            }
        }
    }

    // MARK: - Block format

    static let blockCases: [[TicketPosting]] = {
        let single = [TicketPosting(rowid: 1, titleCount: 0, otherCount: 1, length: 1)]
        let largest = [TicketPosting(rowid: Int64.max, titleCount: Int32.max, otherCount: Int32.max, length: Int32.max)]
        var widths: [TicketPosting] = []
        widths.append(TicketPosting(rowid: 127, titleCount: 127, otherCount: 128, length: 16_383))
        widths.append(TicketPosting(rowid: 128, titleCount: 0, otherCount: 16_384, length: 2_097_152))
        widths.append(TicketPosting(rowid: Int64(1) << 40, titleCount: 3, otherCount: 0, length: 7))
        widths.append(TicketPosting(rowid: Int64.max - 1, titleCount: 1, otherCount: 1, length: 2))
        widths.append(TicketPosting(rowid: Int64.max, titleCount: 2, otherCount: 2, length: 4))
        // Title counts on both sides of the packed varint's limit (3), other counts on both sides of one byte's (32).
        let titles: [Int32] = [0, 1, 2, 3, 4, 1_000, Int32.max - 3, Int32.max - 2]
        let others: [Int32] = [0, 1, 31, 32, 33, 4_095, 1 << 29, Int32.max]
        var counts: [TicketPosting] = []
        for (titleIndex, title) in titles.enumerated() {
            for (otherIndex, other) in others.enumerated() {
                counts.append(TicketPosting(rowid: Int64(titleIndex * others.count + otherIndex) * 1_000_000_007 + 5,
                                            titleCount: title, otherCount: other, length: title / 2 + other / 2 + 1))
            }
        }
        let full = (1...TicketPostingBlock.maximumCount).map { (index: Int) -> TicketPosting in
            TicketPosting(rowid: Int64(index) * 1_000_003, titleCount: Int32(index % 5), otherCount: Int32(index),
                          length: Int32(index * 40))
        }
        let negative = [TicketPosting(rowid: -5, titleCount: 1, otherCount: 0, length: 1),
                        TicketPosting(rowid: 7, titleCount: 0, otherCount: 3, length: 3)]
        return [single, largest, widths, counts, full, negative]
    }()

    /// The postings as a writer buffers them: a block's body, without the count.
    static func body(_ postings: [TicketPosting]) -> [UInt8] {
        var bytes: [UInt8] = []
        var previous: Int64?
        for posting in postings {
            TicketPostingBlock.appendPosting(posting, after: previous, to: &bytes)
            previous = posting.rowid
        }
        return bytes
    }

    @Test(arguments: blockCases)
    func blockRoundTrips(postings: [TicketPosting]) throws {
        let block = TicketPostingBlock.encode(postings)
        try block.withUnsafeBufferPointer { bytes in
            #expect(try TicketPostingBlock.count(bytes) == postings.count)
            #expect(try TicketPostingBlock.postings(bytes) == postings)
            var decoded: [TicketPosting] = []
            try TicketPostingBlock.decode(bytes) { decoded.append($0) }
            #expect(decoded == postings)
        }
        // Copied from a body, whole, and in two parts appended one to the other: the same bytes.
        let body = Self.body(postings)
        try body.withUnsafeBufferPointer { body in
            var offset = 0, rowid: Int64 = 0
            #expect(try TicketPostingBlock.block(postings.count, of: body, from: &offset, rowid: &rowid) == block)
            #expect(offset == body.count && rowid == postings.last?.rowid)
            let split = postings.count / 2
            guard split > 0 else { return }
            offset = 0
            rowid = 0
            let head = try TicketPostingBlock.block(split, of: body, from: &offset, rowid: &rowid)
            #expect(head == TicketPostingBlock.encode(postings[..<split]))
            #expect(rowid == postings[split - 1].rowid)
            let joined = try head.withUnsafeBufferPointer {
                try TicketPostingBlock.appending(postings.count - split, of: body, from: &offset, rowid: &rowid, to: $0,
                                                 lastRowid: postings[split - 1].rowid)
            }
            #expect(joined == block)
            // The second part as a block of its own: its first rowid whole again.
            offset = 0
            rowid = 0
            _ = try TicketPostingBlock.block(split, of: body, from: &offset, rowid: &rowid)
            #expect(try TicketPostingBlock.block(postings.count - split, of: body, from: &offset, rowid: &rowid)
                    == TicketPostingBlock.encode(postings[split...]))
            // One posting read from the middle of the body.
            offset = 0
            rowid = 0
            _ = try TicketPostingBlock.block(split, of: body, from: &offset, rowid: &rowid)
            #expect(try TicketPostingBlock.readPosting(body, from: &offset, rowid: &rowid) == postings[split])
        }
    }

    @Test func blockLayoutIsTheDocumentedOne() {
        let block = TicketPostingBlock.encode([TicketPosting(rowid: 300, titleCount: 1, otherCount: 2, length: 130),
                                               TicketPosting(rowid: 301, titleCount: 0, otherCount: 5, length: 9),
                                               TicketPosting(rowid: 303, titleCount: 3, otherCount: 40, length: 60),
                                               TicketPosting(rowid: 304, titleCount: 200, otherCount: 0, length: 201)])
        // count 4; 300 = 0xAC 0x02, 2 << 2 | 1 = 9, 130 = 0x82 0x01; delta 1, 5 << 2 = 20, 9;
        // delta 2, 40 << 2 | 3 = 163 = 0xA3 0x01, 3 - 3 = 0, 60; delta 1, 0 << 2 | 3 = 3, 197 = 0xC5 0x01, 201 = 0xC9 0x01.
        #expect(block == [4, 0xAC, 0x02, 9, 0x82, 0x01, 1, 20, 9, 2, 0xA3, 0x01, 0, 60, 1, 3, 0xC5, 0x01, 0xC9, 0x01])
    }

    @Test(arguments: [
        // Empty; a second posting missing; bytes after the last posting; a rowid that does not ascend; a varint past 64
        // bits; a block claiming more than `maximumCount` postings.
        [UInt8](), [2, 1, 1, 1, 1], [1, 1, 1, 1, 0], [2, 1, 1, 1, 0, 1, 1],
        [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 1, 1], [0x81, 0x02, 1, 1, 1],
        // Truncated: inside the rowid, before the counts, before the title's rest, inside it, before the length.
        [1, 0x80], [1, 1], [1, 1, 3], [1, 1, 7, 0x80], [1, 1, 4],
        // Counts past 32 bits: the other columns' (2^31 << 2), the title's (3 + 2^31 - 3), the length (2^31).
        [1, 1, 0x80, 0x80, 0x80, 0x80, 0x20, 1], [1, 1, 3, 0xFD, 0xFF, 0xFF, 0xFF, 0x07, 1],
        [1, 1, 4, 0x80, 0x80, 0x80, 0x80, 0x08],
    ])
    func damagedBlocksAreRefused(bytes: [UInt8]) {
        #expect(throws: StoreError.self) {
            try bytes.withUnsafeBufferPointer { try TicketPostingBlock.decode($0) { _ in } }
        }
    }

    /// Varints of every width (one and two bytes take a shorter path), ending at the buffer's last byte or followed by
    /// more: each reads back whole and leaves the offset just past it.
    @Test(arguments: [0, 1, 0x7F, 0x80, 0xFF, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, UInt64(Int32.max), UInt64.max])
    func varintsReadBackAtEveryWidth(value: UInt64) throws {
        var bytes: [UInt8] = []
        TicketPostingBlock.appendVarint(value, to: &bytes)
        let width = bytes.count
        for trailing in [[UInt8](), [0x05], [0x80, 0x01]] {
            let (read, offset) = try (bytes + trailing).withUnsafeBufferPointer { buffer in
                var offset = 0
                return (try TicketPostingBlock.readVarint(buffer, &offset), offset)
            }
            #expect(read == value && offset == width, "\(bytes + trailing)")
        }
        // Cut short by one byte, it is refused.
        try #require(width >= 1)
        #expect(throws: StoreError.self) {
            try Array(bytes.dropLast()).withUnsafeBufferPointer { buffer in
                var offset = 0
                _ = try TicketPostingBlock.readVarint(buffer, &offset)
            }
        }
    }

    @Test func largestCountsAreAccepted() throws {
        // Other count 2^31 - 1 and title 3 (packed 2^33 - 1), the title's rest 2^31 - 4, length 2^31 - 1.
        let bytes: [UInt8] = [1, 1, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F, 0xFC, 0xFF, 0xFF, 0xFF, 0x07, 0xFF, 0xFF, 0xFF, 0xFF, 0x07]
        let postings = try bytes.withUnsafeBufferPointer { try TicketPostingBlock.postings($0) }
        #expect(postings == [TicketPosting(rowid: 1, titleCount: Int32.max, otherCount: Int32.max, length: Int32.max)])
    }

    // MARK: - Format 1 (schema 4)

    /// A block in format 1, as kb at schema version 4 wrote it: per posting four varints (rowid, title count, other
    /// columns' count, length).
    static func versionOneBlock(_ postings: [TicketPosting]) -> [UInt8] {
        var bytes: [UInt8] = []
        TicketPostingBlock.appendVarint(UInt64(postings.count), to: &bytes)
        var previous: Int64?
        for posting in postings {
            TicketPostingBlock.appendVarint(UInt64(bitPattern: previous.map { posting.rowid &- $0 } ?? posting.rowid), to: &bytes)
            for count in [posting.titleCount, posting.otherCount, posting.length] {
                TicketPostingBlock.appendVarint(UInt64(count), to: &bytes)
            }
            previous = posting.rowid
        }
        return bytes
    }
}
