extension ImportFormat {
    /// kb's native JSON Lines: one ticket object per line.
    public static let jsonl = ImportFormat(rawValue: "jsonl")
}

/// kb's native JSON Lines (DESIGN.md's ticket, one per line), read on two threads: `JSONLinesDecoder` reads, decodes
/// and validates on its own while this thread hands records on in file order.
struct JSONLinesTicketSource: TicketSource {
    static let format = ImportFormat.jsonl
    static let signature = "JSON Lines of kb tickets (objects with id and title or severity)"

    private let context: ImportContext

    init(context: ImportContext) {
        self.context = context
    }

    /// The first object with kb's fields; a first record longer than the prefix by the member names read before the
    /// cut. An empty input is JSON Lines with nothing to import. As a last resort, objects that all have an `id` are
    /// kb tickets missing fields: they are read, and each is rejected naming what it lacks.
    static func recognition(in prefix: ImportPrefix) -> Int? {
        if prefix.isBlank { return 0 }
        if let line = prefix.firstObject(where: isTicket) { return line }
        if prefix.startsWithObject, isTicket(prefix.leadingObjectKeys) { return 0 }
        if !prefix.objects.isEmpty, prefix.objects.allSatisfy({ $0.keys.contains("id") }) { return Int.max }
        return nil
    }

    private static func isTicket(_ keys: Set<String>) -> Bool {
        keys.contains("id") && (keys.contains("title") || keys.contains("severity"))
    }

    func read(_ file: ImportFile, into body: (ImportItem) throws -> Void) throws {
        let queue = ImportBatchQueue<DecodedRecord>(capacity: JSONLinesDecoder.queuedBatches,
                                                   byteCapacity: JSONLinesDecoder.queuedLineBytes)
        // Without a store nothing is analysed ahead; the decoder then never does.
        let analysis = context.analysis ?? (.spanish, [:])
        var decoder = JSONLinesDecoder(input: file.input, maximumLineBytes: Ticket.Limits.maximumTextBytes * 2,
                                       language: analysis.language, termSources: analysis.termSources)
        decoder.analysesAhead = context.analysis != nil
        decoder.start(into: queue)
        var finished = false
        // On an error here, stop the reader and wait for it: nothing outlives the import.
        defer {
            if !finished {
                queue.cancel()
                _ = queue.waitUntilFinished()
            }
        }
        while let batch = queue.take() {
            for record in batch {
                switch record.content {
                case let .ticket(ticket):
                    try body(.ticket(ticket))
                case let .rejected(problem):
                    try body(.rejected(ImportRejection(file: file.name, line: record.line, problem: problem)))
                }
            }
        }
        finished = true
        if let failure = queue.waitUntilFinished() { throw failure }
    }
}
