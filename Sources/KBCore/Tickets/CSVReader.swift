import Foundation

/// Reads RFC 4180 CSV in fixed-size chunks, so memory stays flat whatever the file's size.
///
/// Accepts quoted fields spanning lines, doubled quotes, CRLF or LF line ends (CRLF inside a
/// quoted value becomes LF), a UTF-8 byte order mark, and `,`, `;` or tab delimiters (detected
/// from the header line unless given). A quote inside an unquoted value is kept as text, as most
/// spreadsheet exports expect.
///
/// Malformed records are reported, named by the line they start on, and reading resynchronises:
/// - a record longer than `maximumRecordBytes` outside quotes is skipped to its end;
/// - a quoted field that never closes (end of file, or past `maximumRecordBytes`), or text right
///   after a closing quote, means the quoting went wrong: reading resumes on the line after the
///   one the record starts on, so records swallowed by a stray quote are read again. The input keeps
///   the bytes of the record in progress for that (`ByteInput.keep(from:)`), so a pipe resumes
///   exactly as a file does.
public final class CSVReader {
    /// What the reader hands out for each record.
    public enum Item {
        /// A well-formed record; the first one is the header.
        case record(CSVRecord)
        /// A record that could not be read, with the line it starts on.
        case malformed(line: Int, error: CSVError)
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, skippingLine
    }

    private static let quote = UInt8(ascii: "\"")
    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D

    private let input: ByteInput
    private let path: String
    private let chunkSize: Int
    /// The longest record kept; longer ones are reported as malformed.
    public let maximumRecordBytes: Int
    /// The field delimiter: given, or detected from the header line on the first read.
    public private(set) var delimiter: UInt8?

    /// Opens `path`; with a nil `delimiter` it is detected from the header line.
    public convenience init(path: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20, maximumRecordBytes: Int = 16 << 20) throws {
        self.init(input: try ByteInput(path: path), name: path, delimiter: delimiter, chunkSize: chunkSize,
                  maximumRecordBytes: maximumRecordBytes)
    }

    /// Reads `input` from where it stands; `name` names it in errors.
    public init(input: ByteInput, name: String, delimiter: UInt8? = nil, chunkSize: Int = 1 << 20, maximumRecordBytes: Int = 16 << 20) {
        self.input = input
        self.path = name
        self.delimiter = delimiter
        self.chunkSize = max(chunkSize, 4)
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Calls `body` for every record and malformed record in file order; stops early when `body` returns false.
    public func forEachRecord(_ body: (Item) throws -> Bool) throws {
        var parser = Parser(maximumRecordBytes: maximumRecordBytes)
        if delimiter == nil {
            delimiter = try input.peek(ImportFormat.detectionPrefixBytes).bytes.withUnsafeBufferPointer { Self.detectDelimiter($0) }
        }
        parser.delimiter = delimiter ?? UInt8(ascii: ",")
        var fileOffset = input.position
        input.keep(from: fileOffset)
        while true {
            let chunk = try input.read(upToCount: chunkSize)
            if chunk.isEmpty {
                switch try parser.finish(body) {
                case .stop, .done: return
                case .seek(let offset, let line):
                    try rewind(to: offset, line: line)
                    fileOffset = offset
                    parser.restart(line: line)
                    continue
                }
            }
            let outcome = try chunk.withUnsafeBufferPointer { try parser.consume($0, at: fileOffset, body) }
            switch outcome {
            case .stop: return
            case .done: fileOffset += chunk.count
            case .seek(let offset, let line):
                try rewind(to: offset, line: line)
                fileOffset = offset
                parser.restart(line: line)
            }
            // Only a record still open can send reading back, and only to just after its first line end.
            input.keep(from: parser.resumeOffset ?? fileOffset)
        }
    }

    private func rewind(to offset: Int, line: Int) throws {
        guard input.rewind(to: offset) else { throw CSVError.cannotResynchronize(path: path, line: line - 1) }
    }

    /// The delimiter of a header line: whichever of `,` `;` tab occurs most outside quotes (`,` on a tie).
    public static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var commas = 0, semicolons = 0, tabs = 0
        var inQuotes = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                switch byte {
                case UInt8(ascii: ","): commas += 1
                case UInt8(ascii: ";"): semicolons += 1
                case 0x09: tabs += 1
                case newline: return choose(commas, semicolons, tabs)
                default: break
                }
            }
        }
        return choose(commas, semicolons, tabs)
    }

    private static func choose(_ commas: Int, _ semicolons: Int, _ tabs: Int) -> UInt8 {
        if semicolons > commas && semicolons >= tabs { return UInt8(ascii: ";") }
        if tabs > commas && tabs > semicolons { return 0x09 }
        return UInt8(ascii: ",")
    }

    private enum Outcome {
        case done, stop
        /// Re-read from this absolute offset, which starts line `line`.
        case seek(Int, line: Int)
    }

    /// The byte-level state machine; survives across chunks.
    private struct Parser {
        var delimiter = UInt8(ascii: ",")
        let maximumRecordBytes: Int
        var state = State.fieldStart
        var line = 1
        var record = CSVRecord(line: 1)
        var recordStarted = false
        var recordBytes = 0
        var overLimit = false
        /// Absolute offset just after the first newline inside the current record, where a resync restarts.
        var resumeOffset: Int?

        init(maximumRecordBytes: Int) {
            self.maximumRecordBytes = maximumRecordBytes
        }

        mutating func restart(line: Int) {
            self.line = line
            state = .fieldStart
            recordStarted = false
            record.reset(line: line)
            recordBytes = 0
            overLimit = false
            resumeOffset = nil
        }

        mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, at fileOffset: Int, _ body: (Item) throws -> Bool) throws -> Outcome {
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                index += 1
                if !recordStarted, state == .fieldStart {
                    recordStarted = true
                    record.reset(line: line)
                    recordBytes = 0
                    overLimit = false
                    resumeOffset = nil
                }
                switch state {
                case .fieldStart:
                    if byte == CSVReader.quote {
                        state = .quoted
                    } else if byte == delimiter {
                        endField()
                    } else if byte == CSVReader.newline {
                        endField()
                        line += 1
                        if try !endRecord(body) { return .stop }
                    } else {
                        append(byte)
                        state = .unquoted
                    }
                case .unquoted:
                    if byte == delimiter {
                        endField()
                        state = .fieldStart
                    } else if byte == CSVReader.newline {
                        dropTrailingCarriageReturn()
                        endField()
                        line += 1
                        state = .fieldStart
                        if try !endRecord(body) { return .stop }
                    } else {
                        append(byte)
                    }
                case .quoted:
                    if byte == CSVReader.quote {
                        state = .quoteInQuoted
                    } else {
                        if byte == CSVReader.newline {
                            line += 1
                            if resumeOffset == nil { resumeOffset = fileOffset + index }
                            dropTrailingCarriageReturn()
                        }
                        append(byte)
                        if overLimit {
                            let outcome = try malformed(.strayQuote(overLimit: maximumRecordBytes), body)
                            if case .done = outcome { continue }
                            return outcome
                        }
                    }
                case .quoteInQuoted:
                    if byte == CSVReader.quote {
                        append(byte)
                        state = .quoted
                    } else if byte == delimiter {
                        endField()
                        state = .fieldStart
                    } else if byte == CSVReader.newline {
                        endField()
                        line += 1
                        state = .fieldStart
                        if try !endRecord(body) { return .stop }
                    } else if byte != CSVReader.carriageReturn {
                        let outcome = try malformed(.textAfterQuote(field: record.count + 1), body)
                        if case .done = outcome { continue }
                        return outcome
                    }
                case .skippingLine:
                    if byte == CSVReader.newline {
                        line += 1
                        state = .fieldStart
                    }
                }
            }
            return .done
        }

        /// End of input: closes the last record, or reports a quote still open.
        mutating func finish(_ body: (Item) throws -> Bool) throws -> Outcome {
            guard recordStarted else { return .done }
            switch state {
            case .quoted:
                return try malformed(.strayQuote(overLimit: nil), body)
            case .skippingLine:
                return .done
            case .unquoted:
                dropTrailingCarriageReturn()
                fallthrough
            case .fieldStart, .quoteInQuoted:
                endField()
                return try endRecord(body) ? .done : .stop
            }
        }

        /// Ways quoting goes wrong.
        enum QuotingProblem {
            /// A quoted field open at the end of the input, or past the record limit.
            case strayQuote(overLimit: Int?)
            /// Text right after the quote that closed field `field`.
            case textAfterQuote(field: Int)
        }

        /// Reports the current record and decides where reading resumes (see the type's documentation):
        /// on the line after the record's first line, which may mean reading lines again.
        mutating func malformed(_ problem: QuotingProblem, _ body: (Item) throws -> Bool) throws -> Outcome {
            let startLine = record.line
            recordStarted = false
            let resume = resumeOffset
            let error: CSVError
            switch problem {
            case .strayQuote(let limit):
                // At the end of the input with no line end inside the record there is nothing left to resume.
                let atEnd = resume == nil && limit == nil
                error = .unterminatedQuote(resumeLine: atEnd ? nil : startLine + 1, overLimit: limit)
            case .textAfterQuote(let field):
                error = .textAfterClosingQuote(field: field, resumeLine: startLine + 1)
            }
            guard try body(.malformed(line: startLine, error: error)) else { return .stop }
            if let resume {
                return .seek(resume, line: startLine + 1)
            }
            state = .skippingLine
            return .done
        }

        mutating func append(_ byte: UInt8) {
            recordBytes += 1
            if overLimit { return }
            if recordBytes > maximumRecordBytes {
                overLimit = true
                record.bytes = []
                record.ends = []
                return
            }
            record.bytes.append(byte)
        }

        mutating func dropTrailingCarriageReturn() {
            let fieldStart = record.ends.last ?? 0
            if !overLimit, record.bytes.count > fieldStart, record.bytes.last == CSVReader.carriageReturn {
                record.bytes.removeLast()
                recordBytes -= 1
            }
        }

        mutating func endField() {
            if !overLimit { record.ends.append(record.bytes.count) }
        }

        mutating func endRecord(_ body: (Item) throws -> Bool) throws -> Bool {
            recordStarted = false
            if overLimit {
                return try body(.malformed(line: record.line, error: .recordTooLong(bytes: recordBytes, limit: maximumRecordBytes)))
            }
            if record.isBlank { return true }
            return try body(.record(record))
        }
    }
}
