import Foundation

/// The reading half of a JSON Lines import: reads, decodes, validates and fingerprints records on its own
/// thread, handing them on in file order through an `ImportBatchQueue`.
///
/// Everything here depends only on the file, so it can run beside the SQLite writes; what depends on the
/// database (inserted, updated or unchanged) stays with the writer.
struct JSONLinesDecoder: Sendable {
    let input: ByteInput
    let maximumLineBytes: Int
    /// The tokenizer's language (for records of no known language) and its term source per language, to analyse
    /// records ahead of time in their own language.
    let language: Language
    let termSources: [Language: TermSource]
    /// Whether the reading thread may analyse records ahead of the writer (not when nothing is written).
    var analysesAhead = true
    /// Records per batch: large enough that the lock is rare, small enough that memory stays flat.
    var batchSize = 128
    /// Records analysed ahead (or not) per decision; see `run`.
    private static let balanceInterval = 16
    /// Batches that may wait for the writer. The writer stalls now and then for 50–300 ms (FTS5 writing a segment
    /// and merging, the postings written out), while this thread reads a batch in about 8 ms: with 4 batches it sat
    /// blocked for 20 s of a 1,000,000-ticket import (in 262 waits), with 32 for 2–7 s. 32 batches of records
    /// (texts, compressed document, analysed terms) hold ≈ 20 MB.
    static let queuedBatches = 32
    /// Bytes of JSON lines that may wait for the writer, whatever the number of batches: 32 batches of tickets of
    /// 3 KB are 12 MB of lines, but a file of long tickets (a line may hold 16 MB) must not queue 4,096 of them.
    static let queuedLineBytes = 16 << 20
    /// A batch is handed on once its lines pass this many bytes, even short of `batchSize` records.
    static let batchLineBytes = 2 << 20
    /// Batches waiting from which the writer is taken to be the slower thread, so this one analyses ahead: a few, not
    /// a share of `queuedBatches`, so that a deep queue still hands the analysis over as soon as the writer lags.
    static let analysisBacklog = 2

    /// Starts a thread that decodes the whole file into `queue`, then finishes it.
    func start(into queue: ImportBatchQueue<DecodedRecord>) {
        let decoder = self
        let thread = Thread {
            queue.finish(failure: decoder.run(into: queue))
        }
        thread.name = "kb import reader"
        thread.start()
    }

    /// Decodes every line into `queue`; returns why it stopped early, or nil.
    func run(into queue: ImportBatchQueue<DecodedRecord>) -> TicketError? {
        let checks = ImportRecordChecks()
        let parser = JSONParser()
        let compressor = BlockCompressor.Encoder()
        var batch: [DecodedRecord] = []
        batch.reserveCapacity(batchSize)
        var batchBytes = 0
        var analysing = false
        var decided = 0
        do {
            let reader = LineReader(input: input, maximumLineBytes: maximumLineBytes)
            try reader.forEachLine { number, line in
                switch line {
                case .tooLong(let bytes):
                    let problem = TicketError.lineTooLong(bytes: bytes, limit: reader.maximumLineBytes)
                    batch.append(DecodedRecord(line: number, content: .rejected(problem)))
                case .text(let bytes):
                    if Self.isBlank(bytes) { return true }
                    batchBytes += bytes.count
                    // Balance the two threads: while the writer has batches waiting it is the slower one, so this
                    // thread also analyses the full-text columns, which the tokenizer then only replays.
                    if decided == 0 { analysing = analysesAhead && queue.waitingBatches >= Self.analysisBacklog }
                    decided = (decided + 1) % Self.balanceInterval
                    var content = Self.decode(bytes, line: number, parser: parser, checks: checks, compressor: compressor)
                    if analysing, case .ticket(var record) = content {
                        let language = record.language ?? self.language
                        if let source = termSources[language] {
                            record.preparedTerms = PreparedTerms(texts: record.searchTexts, language: language, source: source)
                        }
                        content = .ticket(record)
                    }
                    batch.append(DecodedRecord(line: number, content: content))
                }
                guard batch.count >= batchSize || batchBytes >= Self.batchLineBytes else { return true }
                defer {
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                }
                return queue.put(batch, bytes: batchBytes)
            }
        } catch let error as TicketError {
            return error
        } catch {
            return .unreadable(path: input.path, reason: "\(error)")
        }
        if !batch.isEmpty { _ = queue.put(batch, bytes: batchBytes) }
        return nil
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, parser: JSONParser,
                               checks: ImportRecordChecks, compressor: BlockCompressor.Encoder) -> DecodedRecord.Content {
        let ticket: Ticket
        do {
            ticket = try Ticket(jsonBytes: bytes, parser: parser, timeZoneCheck: checks.isKnownTimeZone)
            try ticket.checkImportable()
            try checks.register(id: ticket.id, line: line)
        } catch {
            return .rejected(error)
        }
        // The line is stored as is (it decodes to the same ticket; see `Store.upsert`).
        return .ticket(TicketRecord(ticket, document: bytes, compressor: compressor))
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
