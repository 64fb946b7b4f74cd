/// Why a CSV record, a CSV file or a CSV mapping was refused.
///
/// Record errors become rejections (`FILE:LINE: error: …`, the line a record starts on); file and
/// mapping errors stop the import before anything is written.
public enum CSVError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// A record with a different number of fields than the header.
    case raggedRecord(fields: Int, expected: Int)
    /// A record longer than the reader buffers.
    case recordTooLong(bytes: Int, limit: Int)
    /// A quoted field still open at the end of the file or past the record limit; reading resumes on `resumeLine`.
    case unterminatedQuote(resumeLine: Int?, overLimit: Int?)
    /// Text right after a closing quote, i.e. a quote inside a quoted value that was not doubled.
    case textAfterClosingQuote(field: Int, resumeLine: Int)
    /// A value that is not text in the mapping's encoding.
    case invalidText(column: String, encoding: String)
    /// A value with a NUL byte, which no text has.
    case nulByte(column: String)
    /// A value the mapping cannot turn into a ticket field.
    case invalidValue(field: String, column: String, reason: String)
    /// A value the mapping has no translation for and the field does not take as it is (`Critical` for severity);
    /// `value` is kept apart so an import can count the distinct ones.
    case unknownValue(field: String, column: String, value: String, reason: String)
    /// A record of a file whose header leaves required fields without a column (the file's error says which).
    case unmappedInRecord(fields: [String])
    /// Several problems in one record, each naming its field.
    indirect case several([CSVError])
    /// A file without a header line.
    case missingHeader(path: String)
    /// A mapping that names a column the header lacks.
    case unknownColumn(path: String, field: String, column: String, columns: [String])
    /// Required ticket fields that no column or default provides, all of them at once.
    case unmappedFields(path: String, fields: [String], columns: [String])
    /// A malformed record that the reader could only skip by going back in the input, which is not seekable.
    case cannotResynchronize(path: String, line: Int)
    /// A mapping file (or `--map` option) that is not valid; `path` is the JSON path inside it.
    case invalidMapping(source: String, path: String, reason: String)

    /// Record errors carry no place (the importer places them by file and line); file and mapping errors do.
    public var diagnostic: Diagnostic {
        switch self {
        case let .raggedRecord(fields, expected):
            return Diagnostic(.error, "record has \(fields) field\(fields == 1 ? "" : "s"); the header has \(expected) (a missing delimiter, or a delimiter inside an unquoted value?)")
        case let .recordTooLong(bytes, limit):
            return Diagnostic(.error, "record of \(bytes) bytes is over the limit of \(limit) bytes; shorten its text")
        case let .unterminatedQuote(resumeLine, overLimit):
            let why = overLimit.map { "runs past \($0) bytes" } ?? "is still open at the end of the file"
            let resume = resumeLine.map { "; reading resumed on line \($0)" } ?? ""
            return Diagnostic(.error, "a quoted field \(why) (an unbalanced '\"'?)\(resume)")
        case let .textAfterClosingQuote(field, resumeLine):
            return Diagnostic(.error, "text after the closing quote of field \(field); a '\"' inside a quoted value must be doubled (\"\"); reading resumed on line \(resumeLine)")
        case let .invalidText(column, encoding):
            return Diagnostic(.error, "column \"\(column)\": not valid \(encoding) text; set \"encoding\" in the mapping (utf-8, windows-1252, latin-1)")
        case let .nulByte(column):
            return Diagnostic(.error, "column \"\(column)\": holds a NUL byte, which no text has (binary data pasted into the export?)")
        case let .invalidValue(field, column, reason), let .unknownValue(field, column, _, reason):
            return Diagnostic(.error, "\(field) (column \"\(column)\"): \(reason)")
        case let .unmappedInRecord(fields):
            return Diagnostic(.error, "no column for the required field\(fields.count == 1 ? "" : "s") \(fields.joined(separator: ", ")) (see line 1)")
        case let .several(problems):
            return Diagnostic(.error, problems.map(\.diagnostic.message).joined(separator: "; "))
        case let .missingHeader(path):
            return Diagnostic(.error, "the file has no header line; the first line of a CSV export names its columns", at: .init(path: path, line: 1))
        case let .unknownColumn(path, field, column, columns):
            return Diagnostic(.error, "the mapping reads \(field) from column \"\(column)\", but the header has no such column; columns: \(CSVError.list(columns))", at: .init(path: path, line: 1))
        case let .unmappedFields(path, fields, columns):
            let named = fields.map { "'\($0)'" }.joined(separator: ", ")
            let maps = fields.map { "--map \($0)=COLUMN" }.joined(separator: " ")
            return Diagnostic(.error, "no column for the required field\(fields.count == 1 ? "" : "s") \(named); pass \(maps) or map \(fields.count == 1 ? "it" : "them") in --mapping FILE; columns: \(CSVError.list(columns))", at: .init(path: path, line: 1))
        case let .cannotResynchronize(path, line):
            return Diagnostic(.error, "a malformed quoted record spans several lines and the input cannot be read again to recover; fix the quoting or import from a regular file", at: .init(path: path, line: line))
        case let .invalidMapping(source, path, reason):
            // `source` is a mapping file, or the `--map` option.
            return Diagnostic(.error, "\(path): \(reason)", at: .init(path: source))
        }
    }

    /// Whether the error is about the whole file (its header, its mapping, its reading) rather than one record.
    public var isFileProblem: Bool {
        switch self {
        case .missingHeader, .unknownColumn, .unmappedFields, .cannotResynchronize, .invalidMapping: return true
        default: return false
        }
    }

    /// A record error's message alone (the importer adds `FILE:LINE: error: `); a file error as printed.
    public var description: String {
        diagnostic.location == nil ? diagnostic.message : diagnostic.formatted
    }

    static func list(_ columns: [String]) -> String {
        let shown = columns.prefix(40).map { "\"\($0)\"" }.joined(separator: ", ")
        return columns.count > 40 ? shown + ", …" : shown
    }
}

extension CSVError: RecordProblem {
    var kind: String {
        switch self {
        case .raggedRecord: return "number of fields"
        case .recordTooLong: return "too long"
        case .unterminatedQuote, .textAfterClosingQuote: return "quoting"
        case let .invalidText(column, _): return "encoding (column \"\(column)\")"
        case .nulByte: return "NUL byte"
        case let .invalidValue(field, column, _), let .unknownValue(field, column, _, _): return "\(field) (column \"\(column)\")"
        case .unmappedInRecord: return "unmapped required fields"
        case let .several(problems): return problems.first?.kind ?? "other"
        case .missingHeader, .unknownColumn, .unmappedFields, .cannotResynchronize, .invalidMapping: return "file"
        }
    }

    var parts: [ImportRejection.Problem] {
        guard case let .several(problems) = self else { return [ImportRejection.Problem(kind: kind, message: description)] }
        return problems.flatMap(\.parts)
    }

    var unknownValues: [ImportRejection.UnknownValue] {
        switch self {
        case let .unknownValue(field, column, value, _):
            return [ImportRejection.UnknownValue(field: "\(field) (column \"\(column)\")", value: value)]
        case let .several(problems):
            return problems.flatMap(\.unknownValues)
        default:
            return []
        }
    }
}
