import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Random mutations of valid records through the three importers: never a crash, every record read is
/// accounted for (read = inserted + updated + unchanged + rejected), and with `strict` a rejection leaves
/// the database exactly as it was. A file whose outer structure breaks (a Zendesk export cut in the middle,
/// a CSV header) may stop the import with a located error; the database is then unchanged too.
@Suite struct ImporterFuzzTests {
    /// Mutations of a record's bytes, each a kind of damage real exports show.
    static func mutate(_ record: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = record
        guard !bytes.isEmpty else { return bytes }
        func replace(_ from: String, _ to: String) {
            let text = String(decoding: bytes, as: UTF8.self)
            if text.contains(from) { bytes = Array(text.replacingOccurrences(of: from, with: to).utf8) }
        }
        switch Int.random(in: 0..<14, using: &generator) {
        case 0:
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        case 1: bytes.removeLast(Int.random(in: 1...bytes.count, using: &generator))
        case 2: replace("\"severity\":", "\"severity\":\"tres\",\"severity\":")
        case 3: replace("\"severity\":3", generator.pick(["\"severity\":\"3\"", "\"severity\":[3]", "\"severity\":null",
                                                          "\"severity\":3.5", "\"severity\":{}", "\"severity\":true"]))
        case 4: replace("\"severity\":3", generator.pick(["\"severity\":1e308", "\"severity\":99999999999999999999999",
                                                          "\"severity\":-1e400", "\"severity\":1e-400", "\"severity\":-0"]))
        case 5: replace("\"title\":", "\"extra\":{\"deep\":" + String(repeating: "[", count: 200)
                        + String(repeating: "]", count: 200) + "},\"title\":")
        case 6: replace("\"events\":[", "\"events\":" + String(repeating: "[", count: Int.random(in: 1...80, using: &generator)))
        case 7: replace("La pantalla", "La\\u0000pan\\ud800talla")
        case 8: replace("\"created_at\":\"2026-03-02T09:14:00-03:00\"",
                        generator.pick(["\"created_at\":\"2026-02-30T09:14:00-03:00\"", "\"created_at\":\"9999999-01-01T00:00:00Z\"",
                                        "\"created_at\":1772453640", "\"created_at\":\"2026-03-02T25:14:00+99:00\""]))
        case 9: replace("\"status\":\"closed\"", generator.pick(["\"status\":\"CLOSED\"", "\"status\":\"\"", "\"status\":\"closed\\u0000\""]))
        case 10: bytes.insert(contentsOf: Array(HostileText.string(using: &generator).utf8),
                              at: Int.random(in: 0...bytes.count, using: &generator))
        case 11: replace("\"kind\":\"comment\"", generator.pick(["\"kind\":\"escalation\"", "\"kind\":\"status\"",
                                                                 "\"kind\":\"severity_change\",\"severity\":9"]))
        case 12: bytes += bytes
        default: replace("\"id\":\"", "\"id\":\"" + String(repeating: "x", count: 250))
        }
        return bytes
    }

    /// The tickets table's content, to compare before and after an import.
    static func fingerprint(_ store: Store) throws -> String {
        let rows = try store.connection.prepare("SELECT id, hash FROM tickets ORDER BY id").map { $0.text(0) + "=" + $0.text(1) }
        return rows.joined(separator: ",")
    }

    /// Lines the JSON Lines reader counts as records: split on LF, not blank.
    static func recordLines(_ bytes: [UInt8]) -> Int {
        var pieces = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }.count
    }

    static func check(_ report: ImportReport, lines: Int, file: String, round: Int) {
        if report.rolledBack {
            // --strict reports what was read and rejected; the rest was rolled back, so nothing counts as imported.
            #expect(report.inserted + report.updated + report.unchanged == 0 && report.rejected.count <= report.read)
        } else {
            #expect(report.read == report.inserted + report.updated + report.unchanged + report.rejected.count,
                    "round \(round): read \(report.read) ≠ \(report.inserted)+\(report.updated)+\(report.unchanged)+\(report.rejected.count)")
        }
        for rejection in report.rejected {
            #expect(rejection.file == file && (1...max(lines, 1)).contains(rejection.line),
                    "round \(round): rejection outside the file: \(rejection)")
        }
    }

    /// Runs one import twice over the same damaged file: strict first (must change nothing when anything is
    /// rejected), then lenient (counts must add up).
    static func importTwice(_ store: Store, path: String, format: ImportFormat, lines: Int, round: Int,
                            configure: (TicketImporter) -> Void = { _ in }) throws -> ImportReport? {
        let before = try fingerprint(store)
        let strict = TicketImporter(store: store)
        configure(strict)
        do {
            let report = try strict.importFiles([path], displayNames: ["input"], format: format, strict: true)
            check(report, lines: lines, file: "input", round: round)
            if !report.rejected.isEmpty {
                #expect(report.rolledBack)
                #expect(try fingerprint(store) == before, "round \(round): --strict with rejections changed the database")
            }
        } catch let error as CustomStringConvertible where String(describing: error).contains("error: ") {
            #expect(try fingerprint(store) == before, "round \(round): a failed import changed the database")
            return nil
        }
        let lenient = TicketImporter(store: store)
        configure(lenient)
        let report = try lenient.importFiles([path], displayNames: ["input"], format: format)
        check(report, lines: lines, file: "input", round: round)
        if try store.ticketCount() > 0 { try TicketPostingsTests.expectInStep(store) }
        return report
    }

    static func baseLines(round: Int) -> [String] {
        (0..<12).map { index in
            TicketFixtures.line(id: "T-\(index % 9)", title: "Portal caído \(round) \(index)", severity: 3,
                                extra: "\"resolution\":\"Se reinició\",\"tags\":[\"portal\"]")
        }
    }

    @Test func jsonLinesMutations() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        var generator = SeededGenerator(seed: 0x15_0A_D)
        let path = directory.url.appendingPathComponent("input.jsonl").path
        var rejected = 0
        var inserted = 0
        for round in 0..<150 {
            var bytes: [UInt8] = []
            for line in Self.baseLines(round: round % 5) {
                bytes += generator.chance(0.5) ? Self.mutate(Array(line.utf8), using: &generator) : Array(line.utf8)
                bytes += generator.chance(0.1) ? [0x0D, 0x0A, 0x0A] : [0x0A]
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            guard let report = try Self.importTwice(store, path: path, format: .jsonl, lines: lines, round: round) else {
                Issue.record("round \(round): JSON Lines import stopped instead of rejecting records")
                continue
            }
            #expect(report.read == Self.recordLines(bytes), "round \(round): records read")
            rejected += report.rejected.count
            inserted += report.inserted + report.updated
        }
        #expect(rejected > 300 && inserted > 100, "the mutations should reject some records and keep others")
    }

    @Test func csvMutations() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        var generator = SeededGenerator(seed: 0xC5F)
        let path = directory.url.appendingPathComponent("input.csv").path
        let header = "id,title,description,severity,status,created_at,customer,service,tags"
        var stopped = 0
        var accepted = 0
        for round in 0..<150 {
            var text = header + (generator.chance(0.5) ? "\r\n" : "\n")
            for index in 0..<12 {
                let title = generator.chance(0.3) ? "\"Portal, \"\"caído\"\"\nsegunda línea\"" : "Portal caído \(index)"
                var record = Array("T-\(index % 9),\(title),Descripción \(round),3,closed,2026-03-02T09:14:00-03:00,Acme,portal,\"a,b\"".utf8)
                if generator.chance(0.5) {
                    switch Int.random(in: 0..<5, using: &generator) {
                    case 0: record += Array(",extra,columns".utf8)
                    case 1: record.removeLast(Int.random(in: 1...record.count, using: &generator))
                    case 2: record.insert(UInt8(ascii: "\""), at: Int.random(in: 0...record.count, using: &generator))
                    case 3: record = Array(String(decoding: record, as: UTF8.self)
                                .replacingOccurrences(of: ",3,", with: generator.pick([",1e308,", ",99999999999999999999,", ",tres,", ",,"])).utf8)
                    default: record = Self.mutate(record, using: &generator)
                    }
                }
                text += String(decoding: record, as: UTF8.self) + "\n"
            }
            var bytes = Array(text.utf8)
            if round % 10 == 9 { bytes = Self.mutate(bytes, using: &generator) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let report = try Self.importTwice(store, path: path, format: .csv, lines: lines, round: round) {
                accepted += report.inserted + report.updated + report.unchanged
            } else {
                stopped += 1
            }
        }
        #expect(stopped < 30, "only a damaged header may stop a CSV import")
        #expect(accepted > 500)
    }

    @Test func zendeskMutations() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        var generator = SeededGenerator(seed: 0x2E4D)
        let path = directory.url.appendingPathComponent("input.json").path
        var accepted = 0
        for round in 0..<150 {
            var tickets: [String] = []
            for index in 0..<10 {
                var ticket = Array("""
                    {"id": \(4700 + index % 8), "subject": "No carga el portal \(round)", "description": "El portal no carga",
                     "priority": "high", "status": "solved", "requester_id": 501, "assignee_id": 601,
                     "tags": ["portal"], "created_at": "2026-03-02T12:14:00Z", "updated_at": "2026-03-02T16:00:00Z",
                     "custom_fields": [{"id": 360001, "value": "srv_portal"}]}
                    """.utf8)
                if generator.chance(0.5) {
                    let text = String(decoding: ticket, as: UTF8.self)
                    switch Int.random(in: 0..<6, using: &generator) {
                    case 0: ticket = Array(text.replacingOccurrences(of: "\"high\"", with: generator.pick(["9", "null", "[]", "\"HIGH\""])).utf8)
                    case 1: ticket = Array(text.replacingOccurrences(of: "\"id\": ", with: generator.pick(["\"id\": 1e308, \"x\": ", "\"id\": \"x\", \"y\": ", "\"id\": -5, \"z\": "])).utf8)
                    case 2: ticket = Array(text.replacingOccurrences(of: "\"tags\": [", with: "\"tags\": [" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + ",").utf8)
                    case 3: ticket = Array(text.replacingOccurrences(of: "2026-03-02T12:14:00Z", with: "ayer").utf8)
                    default: ticket = Self.mutate(ticket, using: &generator)
                    }
                }
                tickets.append(String(decoding: ticket, as: UTF8.self))
            }
            let text = round % 2 == 0
                ? "{\"tickets\": [\n" + tickets.joined(separator: ",\n") + "\n], \"end_of_stream\": true}\n"
                : tickets.map { $0.replacingOccurrences(of: "\n", with: " ") }.joined(separator: "\n") + "\n"
            let bytes = Array(text.utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count
            if let report = try Self.importTwice(store, path: path, format: .zendesk, lines: lines, round: round,
                                                 configure: { $0.settings.zendesk.policy = Policy.default.zendesk }) {
                accepted += report.inserted + report.updated + report.unchanged
            }
        }
        #expect(accepted > 300)
    }
}
