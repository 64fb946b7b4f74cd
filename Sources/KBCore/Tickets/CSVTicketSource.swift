extension ImportFormat {
    /// A helpdesk's CSV export, read through a `CSVMapping`.
    public static let csv = ImportFormat(rawValue: "csv")
}

/// A helpdesk's CSV export: the first record is the header, each later one a ticket through the mapping, or a
/// rejection on the line it starts on.
struct CSVTicketSource: TicketSource {
    static let format = ImportFormat.csv
    static let signature = "CSV with a header line (',', ';' or tab between column names)"

    private let context: ImportContext

    init(context: ImportContext) {
        self.context = context
    }

    /// A first line that is not JSON and has delimiters between names.
    static func recognition(in prefix: ImportPrefix) -> Int? {
        guard let first = prefix.firstByte, first != UInt8(ascii: "{"), first != UInt8(ascii: "[") else { return nil }
        let header = Array(prefix.firstLine)
        let delimiter = header.withUnsafeBufferPointer { CSVReader.detectDelimiter($0) }
        var inQuotes = false
        for byte in header {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes, byte == delimiter { return 0 }
        }
        return nil
    }

    func read(_ file: ImportFile, into body: (ImportItem) throws -> Void) throws {
        let settings = context.settings
        let reader = CSVReader(input: file.input, name: file.name, delimiter: settings.csvMapping.delimiter,
                               maximumRecordBytes: settings.maximumCSVRecordBytes)
        var builder: CSVTicketBuilder?
        var census: CSVColumnCensus?
        let seen = ImportRecordChecks()
        try reader.forEachRecord { item in
            switch item {
            case let .malformed(line, error):
                guard builder != nil else {
                    throw CSVError.invalidMapping(source: file.name, path: "header", reason: error.description)
                }
                try body(.rejected(ImportRejection(file: file.name, line: line, problem: error)))
            case let .record(record):
                guard let builder else {
                    let resolved = CSVTicketBuilder(resolving: record, mapping: settings.csvMapping, file: file.name)
                    builder = resolved
                    for problem in resolved.problems { try body(.fileProblem(problem)) }
                    if resolved.lacksRequiredFields {
                        census = CSVColumnCensus(columns: resolved.unreadColumns, encoding: settings.csvMapping.encoding)
                    }
                    return true
                }
                census?.add(record)
                let outcome: ImportItem
                do {
                    let ticket = try builder.ticket(from: record, timeZoneCheck: context.timeZones.isKnownTimeZone)
                    try seen.register(id: ticket.id, line: record.line)
                    outcome = .ticket(TicketRecord(canonical: ticket))
                } catch let problem as any RecordProblem {
                    outcome = .rejected(ImportRejection(file: file.name, line: record.line, problem: problem))
                }
                try body(outcome)
            }
            return true
        }
        if builder == nil { try body(.fileProblem(CSVError.missingHeader(path: file.name))) }
        if let census { try body(.columnValues(census.columnValues(file: file.name))) }
    }
}
