/// Why a synonyms file could not be used.
public enum SynonymsError: Error, DiagnosticConvertible, Equatable, Sendable {
    /// The file could not be read or is not UTF-8.
    case unreadable(path: String, reason: String)
    /// A comma-separated entry is blank (`a,,b`, a leading or trailing comma).
    case emptyEntry(path: String, line: Int)
    /// An entry analyses to no terms at all (only punctuation, say).
    case entryWithoutTerms(path: String, line: Int, entry: String)
    /// After analysis the group has fewer than two different entries, so it
    /// expands nothing: usually missing commas or two forms of one word.
    case singleEntryGroup(path: String, line: Int)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(path, reason):
            Diagnostic(.error, "cannot read synonyms: \(reason)", at: .init(path: path))
        case let .emptyEntry(path, line):
            Diagnostic(.error, "empty synonym entry (two commas in a row, or a comma at the start or end)", at: .init(path: path, line: line))
        case let .entryWithoutTerms(path, line, entry):
            Diagnostic(.error, "synonym entry \"\(entry)\" has no searchable words", at: .init(path: path, line: line))
        case let .singleEntryGroup(path, line):
            Diagnostic(.error, "synonym group has fewer than two different entries; separate synonyms with commas",
                       at: .init(path: path, line: line))
        }
    }
}
