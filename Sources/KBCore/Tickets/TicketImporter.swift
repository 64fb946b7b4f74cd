import Foundation

/// Imports ticket files into the store: all inputs in one transaction, each bad record named and skipped.
///
/// The formats are `TicketSource`s; whatever the format, each input is opened once and its format told from a
/// buffered prefix of the same stream (`ImportFile`), every record ends as a ticket or a rejection, and each input's
/// records are accounted for in the `ImportReport`. A dry run (`init(dryRunAgainst:)`) reads and checks everything
/// the same way and writes nothing.
public final class TicketImporter {
    private enum Target {
        case store(Store)
        /// A dry run, against the tickets already stored (nil: no database yet).
        case preview(Store?)
    }

    private let target: Target
    /// How the formats are read (CSV mapping, Zendesk maps and comments…).
    public var settings = ImportSettings()
    /// Called with the number of records read so far, every `progressInterval` records.
    public var progress: ((Int) -> Void)?
    public var progressInterval = 10_000
    /// Called for each rejected record as soon as it is found (the report keeps them all).
    public var onReject: ((ImportRejection) -> Void)?
    /// When set, `onReject` hears only the first this many rejections of each kind; the summary counts the rest.
    public var rejectionsReportedPerKind: Int?

    /// An importer that writes into `store`.
    public init(store: Store) {
        target = .store(store)
    }

    /// An importer that reads and checks everything and writes nothing, not even a database: `existing` (the
    /// workspace's database opened `.read`, when it has one) tells which records would be inserted, updated or
    /// unchanged.
    public init(dryRunAgainst existing: Store?) {
        target = .preview(existing)
    }

    /// Opens every input and tells its format (unless `format` gives it), all before anything is read or written.
    ///
    /// `inputs` name each input (as rejections will) and open it. Every input that cannot be opened or told apart is
    /// reported at once: its own error when it is the only one, else one `ImportInputErrors` listing them all.
    public static func open(_ inputs: [(name: String, open: () throws -> ByteInput)], format: ImportFormat? = nil) throws -> [ImportFile] {
        var files: [ImportFile] = []
        var problems: [any Error] = []
        for (name, open) in inputs {
            do {
                files.append(try ImportFile(input: try open(), name: name, format: format))
            } catch TicketError.unreadable(_, let reason) {
                problems.append(TicketError.unreadable(path: name.isEmpty ? "''" : name, reason: reason))
            } catch {
                problems.append(error)
            }
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw ImportInputErrors(problems: problems) }
        return files
    }

    /// Imports the files at `paths`; see `importFiles(_:strict:)`.
    ///
    /// `displayNames` (parallel to `paths`) are how rejections name the files, e.g. as the user typed them.
    public func importFiles(_ paths: [String], displayNames: [String]? = nil, format: ImportFormat? = nil,
                            strict: Bool = false) throws -> ImportReport {
        let inputs = paths.indices.map { index in
            (name: displayNames?[index] ?? paths[index], open: { try ByteInput(path: paths[index]) })
        }
        return try importFiles(Self.open(inputs, format: format), strict: strict)
    }

    /// Imports every file; with `strict`, any rejection rolls the whole import back (a dry run says it would).
    public func importFiles(_ files: [ImportFile], strict: Bool = false) throws -> ImportReport {
        var report = ImportReport()
        switch target {
        case .store(let store):
            let context = ImportContext(settings: settings, timeZones: ImportRecordChecks(),
                                        analysis: (store.tokenizer.language, store.tokenizer.sources))
            let sources = try Self.sources(for: files, context: context)
            try store.bulkWrite {
                try store.prepareTicketIndexForBulkWrite()
                let insertingFirst = try store.holdsNoTickets()
                try read(files, sources, into: &report) { try store.upsert($0, insertingFirst: insertingFirst) }
                guard strict, !report.rejected.isEmpty else { return true }
                for index in report.files.indices {
                    report.files[index].counts.inserted = 0
                    report.files[index].counts.updated = 0
                    report.files[index].counts.unchanged = 0
                }
                report.rolledBack = true
                return false
            }
        case .preview(let existing):
            report.isDryRun = true
            let context = ImportContext(settings: settings, timeZones: ImportRecordChecks(), analysis: nil)
            let sources = try Self.sources(for: files, context: context)
            // Tickets seen earlier in this run, as the store would hold them by the time a later copy arrives.
            var seen: [String: Int64] = [:]
            try read(files, sources, into: &report) { record in
                let stored = try seen[record.id] ?? existing?.storedHash(id: record.id)
                seen[record.id] = record.hash
                return stored == nil ? .inserted : stored == record.hash ? .unchanged : .updated
            }
            report.rolledBack = strict && !report.rejected.isEmpty
        }
        return report
    }

    /// One reader per format in use, made before anything is read, so a bad setting stops the import untouched.
    private static func sources(for files: [ImportFile], context: ImportContext) throws -> [ImportFormat: any TicketSource] {
        var sources: [ImportFormat: any TicketSource] = [:]
        for file in files where sources[file.format] == nil {
            guard let type = TicketSources.type(of: file.format) else {
                throw ImportFormatError.undetectable(file: file.name, reason: "kb has no reader for the format '\(file.format)'")
            }
            sources[file.format] = try type.init(context: context)
        }
        return sources
    }

    /// Reads every file through its source, handing each ticket to `write` and accounting for every record.
    private func read(_ files: [ImportFile], _ sources: [ImportFormat: any TicketSource], into report: inout ImportReport,
                      write: (TicketRecord) throws -> UpsertOutcome) throws {
        var reported: [String: Int] = [:]
        for file in files {
            let readBefore = report.read
            var counts = ImportReport.Counts()
            // An input's problems come before its records; an import stops once it has them all.
            var problems: [any Error] = []
            func stopIfProblems() throws {
                guard !problems.isEmpty, !report.isDryRun else { return }
                throw problems.count == 1 ? problems[0] : ImportInputErrors(problems: problems)
            }
            let take = { (item: ImportItem) throws -> Void in
                switch item {
                case .fileProblem, .columnValues: break
                case .ticket, .rejected: try stopIfProblems()
                }
                switch item {
                case let .ticket(record):
                    counts.add(try write(record))
                case let .rejected(rejection):
                    counts.rejected += 1
                    report.rejected.append(rejection)
                    // Shown while one of its kinds is still under the limit, so every kind gets its first examples.
                    let kinds = Set(rejection.problems.map(\.kind))
                    let shows = kinds.contains { reported[$0, default: 0] < self.rejectionsReportedPerKind ?? .max }
                    for kind in kinds { reported[kind, default: 0] += 1 }
                    if shows { self.onReject?(rejection) }
                case let .fileProblem(problem):
                    problems.append(problem)
                    report.fileProblems.append(String(describing: problem))
                    return
                case let .columnValues(columns):
                    report.columnValues += columns
                    return
                }
                counts.read += 1
                let read = readBefore + counts.read
                if read % self.progressInterval == 0 { self.progress?(read) }
            }
            let source = sources[file.format]!
            try source.read(file, into: take)
            try stopIfProblems()
            report.files.append(ImportReport.FileCounts(file: file.name, format: file.format, counts: counts))
        }
    }
}
