import Foundation

/// Imports ticket files into the store: all files in one transaction, each bad record named and skipped.
///
/// Reads kb's JSON Lines, CSV exports (through `csvMapping`) and Zendesk exports (through `zendesk`);
/// every format ends in the same validation, duplicate check and upsert, and the same `ImportReport`.
/// One transaction makes an import atomic: a kill at any moment leaves the database as it was
/// before the import (SQLite's WAL discards the uncommitted frames on the next open).
public final class TicketImporter {
    let store: Store
    /// Time zones, for every format and file of an import.
    private let timeZones = ImportRecordChecks()
    /// Called with the number of records read so far, every `progressInterval` records.
    public var progress: ((Int) -> Void)?
    public var progressInterval = 10_000
    /// Called for each rejected record as soon as it is found.
    public var onReject: ((ImportRejection) -> Void)?
    /// How CSV columns become ticket fields; columns named like the native fields map themselves.
    public var csvMapping = CSVMapping()
    /// The longest CSV record read; longer ones are rejected with their line.
    public var maximumCSVRecordBytes = 16 << 20
    /// Policy maps, mapping file and comments for Zendesk exports.
    public var zendesk = ZendeskImportSettings()

    public init(store: Store) {
        self.store = store
    }

    /// Imports every file; with `strict`, any rejection rolls the whole import back.
    ///
    /// `displayNames` (parallel to `paths`) are how rejections name the files, e.g. as the user typed them.
    /// `format` applies to every file; when nil each file's format is detected from its first bytes,
    /// all before the transaction starts, so a file kb cannot place stops the import with nothing written.
    public func importFiles(_ paths: [String], displayNames: [String]? = nil, format: ImportFormat? = nil,
                            strict: Bool = false) throws -> ImportReport {
        let names = paths.indices.map { displayNames?[$0] ?? paths[$0] }
        var formats: [ImportFormat] = []
        for (index, path) in paths.enumerated() {
            formats.append(try format ?? ImportFormat.detect(path: path, file: names[index]))
        }
        let comments = try formats.contains(.zendesk) ? zendesk.commentsPath.map { try ZendeskCommentSource(path: $0) } : nil
        var report = ImportReport()
        let connection = store.connection
        try connection.execute("PRAGMA cache_size = -65536")
        defer { try? connection.execute("PRAGMA cache_size = -2000") }
        try connection.beginImmediate()
        do {
            for (index, path) in paths.enumerated() {
                switch formats[index] {
                case .jsonl: try importJSONLines(path: path, name: names[index], into: &report)
                case .csv: try importCSV(path: path, name: names[index], into: &report)
                case .zendesk: try importZendesk(path: path, name: names[index], comments: comments, into: &report)
                }
            }
            if strict && !report.rejected.isEmpty {
                try connection.execute("ROLLBACK")
                report.inserted = 0
                report.updated = 0
                report.unchanged = 0
                report.rolledBack = true
            } else {
                try connection.execute("COMMIT")
            }
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        return report
    }

    private func reject(_ rejection: ImportRejection, into report: inout ImportReport) {
        report.rejected.append(rejection)
        onReject?(rejection)
    }

    /// JSON Lines go through two threads: `JSONLinesDecoder` reads, decodes and validates on its own, and this
    /// thread only writes. Records arrive in file order, so rejections are reported as before, in order.
    private func importJSONLines(path: String, name: String, into report: inout ImportReport) throws {
        let queue = ImportBatchQueue<DecodedRecord>(capacity: 4)
        let tokenizer = store.tokenizer
        JSONLinesDecoder(path: path, maximumLineBytes: Ticket.Limits.maximumTextBytes * 2,
                         language: tokenizer.language, termSources: tokenizer.sources).start(into: queue)
        var finished = false
        // On a write error, stop the reader and wait for it: nothing outlives the import.
        defer {
            if !finished {
                queue.cancel()
                _ = queue.waitUntilFinished()
            }
        }
        while let batch = queue.take() {
            for record in batch {
                report.read += 1
                switch record.content {
                case let .ticket(record):
                    count(try store.upsert(record), into: &report)
                case let .rejected(reason):
                    reject(ImportRejection(file: name, line: record.line, reason: reason), into: &report)
                }
                if report.read % progressInterval == 0 { progress?(report.read) }
            }
        }
        finished = true
        if let failure = queue.waitUntilFinished() { throw failure }
    }

    private func upsert(_ ticket: Ticket, into report: inout ImportReport) throws {
        count(try store.upsert(ticket), into: &report)
    }

    private func count(_ outcome: UpsertOutcome, into report: inout ImportReport) {
        switch outcome {
        case .inserted: report.inserted += 1
        case .updated: report.updated += 1
        case .unchanged: report.unchanged += 1
        }
    }

    private func countRead(into report: inout ImportReport) {
        report.read += 1
        if report.read % progressInterval == 0 { progress?(report.read) }
    }

    /// CSV: the first record is the header; each later record is a ticket or a rejection on the line it starts on.
    private func importCSV(path: String, name: String, into report: inout ImportReport) throws {
        let reader = try CSVReader(path: path, delimiter: csvMapping.delimiter, maximumRecordBytes: maximumCSVRecordBytes)
        var builder: CSVTicketBuilder?
        let seen = ImportRecordChecks()
        var headerError: Error?
        try reader.forEachRecord { item in
            switch item {
            case let .malformed(line, error):
                guard builder != nil else {
                    headerError = CSVError.invalidMapping(source: name, path: "header", reason: error.description)
                    return false
                }
                countRead(into: &report)
                reject(ImportRejection(file: name, line: line, reason: error.description), into: &report)
            case let .record(record):
                guard let builder else {
                    do {
                        builder = try CSVTicketBuilder(header: record, mapping: csvMapping, file: name)
                    } catch {
                        headerError = error
                        return false
                    }
                    return true
                }
                countRead(into: &report)
                do {
                    let ticket = try builder.ticket(from: record, timeZoneCheck: timeZones.isKnownTimeZone)
                    try seen.register(id: ticket.id, line: record.line)
                    try upsert(ticket, into: &report)
                } catch let error as CSVError {
                    reject(ImportRejection(file: name, line: record.line, reason: error.description), into: &report)
                } catch let error as TicketError {
                    reject(ImportRejection(file: name, line: record.line, reason: error.description), into: &report)
                }
            }
            return true
        }
        if let headerError { throw headerError }
        if builder == nil { throw CSVError.missingHeader(path: name) }
    }

    /// Zendesk: each ticket object converted through the policy's maps; a ticket repeated in the export
    /// (incremental exports list a ticket again after each update) replaces the earlier copy.
    private func importZendesk(path: String, name: String, comments: ZendeskCommentSource?, into report: inout ImportReport) throws {
        let reader = ZendeskExportReader(path: path, file: name)
        let converter = ZendeskTicketConverter(settings: zendesk, timeZoneCheck: timeZones.isKnownTimeZone)
        try reader.forEachTicket { item in
            countRead(into: &report)
            switch item {
            case let .rejected(line, label, reason):
                reject(ImportRejection(file: name, line: line, reason: label.map { "\($0): \(reason)" } ?? reason), into: &report)
            case let .ticket(object, line, label):
                let place = [label, ZendeskTicketConverter.ticketID(of: object)].compactMap { $0 }.joined(separator: " ")
                do {
                    let external = try ZendeskTicketConverter.zendeskID(object["id"]).flatMap { try comments?.comments(forTicket: $0) }
                    let ticket = try converter.ticket(from: object, comments: external)
                    try upsert(ticket, into: &report)
                } catch let error as TicketError {
                    let reason = place.isEmpty ? error.description : "\(place): \(error.description)"
                    reject(ImportRejection(file: name, line: line, reason: reason), into: &report)
                }
            }
            return true
        }
    }
}
