import Foundation

/// Imports ticket files into the store: all files in one transaction, each bad record named and skipped.
///
/// One transaction makes an import atomic: a kill at any moment leaves the database as it was
/// before the import (SQLite's WAL discards the uncommitted frames on the next open).
public final class TicketImporter {
    let store: Store
    private var knownTimeZones: [String: Bool] = [:]
    /// Called with the number of records read so far, every `progressInterval` records.
    public var progress: ((Int) -> Void)?
    public var progressInterval = 10_000
    /// Called for each rejected record as soon as it is found.
    public var onReject: ((ImportRejection) -> Void)?

    public init(store: Store) {
        self.store = store
    }

    /// Imports every file; with `strict`, any rejection rolls the whole import back.
    ///
    /// `displayNames` (parallel to `paths`) are how rejections name the files, e.g. as the user typed them.
    public func importFiles(_ paths: [String], displayNames: [String]? = nil, strict: Bool = false) throws -> ImportReport {
        var report = ImportReport()
        let connection = store.connection
        try connection.execute("PRAGMA cache_size = -65536")
        defer { try? connection.execute("PRAGMA cache_size = -2000") }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            for (index, path) in paths.enumerated() {
                try importJSONLines(path: path, name: displayNames?[index] ?? path, into: &report)
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

    private func importJSONLines(path: String, name: String, into report: inout ImportReport) throws {
        let reader = try LineReader(path: path, maximumLineBytes: Ticket.Limits.maximumTextBytes * 2)
        var firstLineOfID: [String: Int32] = [:]
        let parser = JSONParser()
        try reader.forEachLine { number, line in
            switch line {
            case .tooLong(let bytes):
                report.read += 1
                reject(ImportRejection(file: name, line: number, reason: TicketError.lineTooLong(bytes: bytes, limit: reader.maximumLineBytes).description), into: &report)
            case .text(let bytes):
                if Self.isBlank(bytes) { return true }
                report.read += 1
                do {
                    let json: JSONValue
                    do { json = try parser.parse(bytes) } catch let error as JSONParser.SyntaxError { throw TicketError.invalidJSON(reason: error.description) }
                    let ticket = try Ticket(json: json, timeZoneCheck: isKnownTimeZone)
                    if let first = firstLineOfID[ticket.id] {
                        throw TicketError.duplicateID(id: ticket.id, firstLine: Int(first))
                    }
                    firstLineOfID[ticket.id] = Int32(truncatingIfNeeded: number)
                    switch try store.upsert(ticket, source: bytes) {
                    case .inserted: report.inserted += 1
                    case .updated: report.updated += 1
                    case .unchanged: report.unchanged += 1
                    }
                } catch let error as TicketError {
                    reject(ImportRejection(file: name, line: number, reason: error.description), into: &report)
                }
                if report.read % progressInterval == 0 { progress?(report.read) }
            }
            return true
        }
    }

    private func isKnownTimeZone(_ identifier: String) -> Bool {
        if let known = knownTimeZones[identifier] { return known }
        let known = TimeZone(identifier: identifier) != nil && identifier.contains("/") || identifier == "UTC"
        knownTimeZones[identifier] = known
        return known
    }

    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
